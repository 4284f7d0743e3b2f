/// Which days are worked: a work week and a set of holidays.
public struct BusinessCalendar: Sendable, Hashable {
    /// The weekdays that are worked, Monday to Friday by default.
    public let workWeek: Set<Weekday>
    /// Named days off, by date.
    public let holidays: [CivilDate: String]
    private let workWeekMask: UInt8
    private let holidayDayNumbers: Set<Int>

    public init(workWeek: Set<Weekday> = BusinessCalendar.mondayToFriday, holidays: [CivilDate: String] = [:]) {
        precondition(!workWeek.isEmpty, "a work week needs at least one working day")
        self.workWeek = workWeek
        self.holidays = holidays
        workWeekMask = workWeek.reduce(0) { $0 | (1 << UInt8($1.rawValue)) }
        holidayDayNumbers = Set(holidays.keys.map(\.dayNumber))
    }

    public static let mondayToFriday: Set<Weekday> = [.monday, .tuesday, .wednesday, .thursday, .friday]

    /// Monday to Friday with no holidays.
    public static let standard = BusinessCalendar()

    public func isBusinessDay(_ date: CivilDate) -> Bool {
        isBusinessDay(dayNumber: date.dayNumber)
    }

    /// Whether the day with this number (days since 1970-01-01) is worked; the scans
    /// below step on day numbers, which is much cheaper than stepping civil dates.
    func isBusinessDay(dayNumber: Int) -> Bool {
        workWeekMask & (1 << UInt8(weekdayIndex(ofDay: dayNumber) + 1)) != 0 && !holidayDayNumbers.contains(dayNumber)
    }

    /// `date` itself when it is a business day, else the next one.
    public func businessDay(onOrAfter date: CivilDate) -> CivilDate {
        nearestBusinessDay(to: date, step: 1)
    }

    /// `date` itself when it is a business day, else the previous one.
    public func businessDay(onOrBefore date: CivilDate) -> CivilDate {
        nearestBusinessDay(to: date, step: -1)
    }

    private func nearestBusinessDay(to date: CivilDate, step: Int) -> CivilDate {
        var day = date.dayNumber
        while !isBusinessDay(dayNumber: day) { day += step }
        return day == date.dayNumber ? date : CivilDate(dayNumber: day)
    }

    /// The date `count` business days after `date` (before it when negative).
    ///
    /// Counting starts from the next (or previous) day, so `+1` from a Friday is the
    /// following Monday and `+0` leaves the date where it is, business day or not.
    public func adding(businessDays count: Int, to date: CivilDate) -> CivilDate {
        guard count != 0 else { return date }
        let step = count > 0 ? 1 : -1
        var remaining = abs(count)
        var day = date
        // Whole weeks first when there are no holidays in the way would be faster, but
        // holidays make that unsafe; the walk is bounded by the (small) count, not a period.
        while remaining > 0 {
            day = day.adding(days: step)
            if isBusinessDay(day) { remaining -= 1 }
        }
        return day
    }

    /// The `n`th business day (1-based) between `first` and `last`, both included;
    /// negative `n` counts from the end (`-1` is the last). `nil` when there are fewer.
    public func businessDay(_ n: Int, from first: CivilDate, through last: CivilDate) -> CivilDate? {
        precondition(n != 0, "business day positions start at 1 or -1")
        let (firstDay, lastDay) = (first.dayNumber, last.dayNumber)
        var day = n > 0 ? firstDay : lastDay
        var remaining = abs(n)
        while firstDay <= day && day <= lastDay {
            if isBusinessDay(dayNumber: day) {
                remaining -= 1
                if remaining == 0 { return CivilDate(dayNumber: day) }
            }
            day += n > 0 ? 1 : -1
        }
        return nil
    }
}

/// What happens to an occurrence whose date is not a business day.
public enum HolidayPolicy: String, Sendable, Hashable, CaseIterable, Codable {
    /// Keep the date as it is.
    case keep
    /// Move to the next business day.
    case next
    /// Move to the previous business day.
    case previous
    /// Drop the occurrence.
    case skip

    /// The date the occurrence lands on, or `nil` when it is skipped.
    public func apply(to date: CivilDate, in calendar: BusinessCalendar) -> CivilDate? {
        switch self {
        case .keep: date
        case .next: calendar.businessDay(onOrAfter: date)
        case .previous: calendar.businessDay(onOrBefore: date)
        case .skip: calendar.isBusinessDay(date) ? date : nil
        }
    }
}
