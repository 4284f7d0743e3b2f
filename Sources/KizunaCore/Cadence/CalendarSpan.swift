/// A signed span of calendar time, as playbooks write it: "2 business days", "1 hour",
/// "90 days", "3 months". Months, quarters and years clamp to the month's last day.
public struct CalendarSpan: Hashable, Sendable {
    public enum Unit: String, Hashable, Sendable, CaseIterable {
        case minute, hour, day, businessDay = "business day", week, month, quarter, year
    }

    public var amount: Int
    public var unit: Unit

    public init(_ amount: Int, _ unit: Unit) {
        self.amount = amount
        self.unit = unit
    }

    /// This span reversed ("2 days" becomes "-2 days").
    public var negated: CalendarSpan { CalendarSpan(-amount, unit) }

    /// `start` moved by this span. Minutes and hours move the wall clock; days and
    /// larger keep the time of day; business days count only days `calendar` works.
    public func applied(to start: LocalDateTime, calendar: BusinessCalendar) -> LocalDateTime {
        switch unit {
        case .minute: LocalDateTime(secondsSinceEpoch: start.secondsSinceEpoch + Int64(amount) * 60)
        case .hour: LocalDateTime(secondsSinceEpoch: start.secondsSinceEpoch + Int64(amount) * 3600)
        case .day: LocalDateTime(date: start.date.adding(days: amount), time: start.time)
        case .week: LocalDateTime(date: start.date.adding(days: amount * 7), time: start.time)
        case .businessDay: LocalDateTime(date: calendar.adding(businessDays: amount, to: start.date), time: start.time)
        case .month: LocalDateTime(date: start.date.adding(months: amount), time: start.time)
        case .quarter: LocalDateTime(date: start.date.adding(months: amount * 3), time: start.time)
        case .year: LocalDateTime(date: start.date.adding(months: amount * 12), time: start.time)
        }
    }
}

extension CalendarSpan: CustomStringConvertible {
    /// "2 business days", "1 hour", "-3 days".
    public var description: String {
        "\(amount) \(unit.rawValue)\(abs(amount) == 1 ? "" : "s")"
    }
}
