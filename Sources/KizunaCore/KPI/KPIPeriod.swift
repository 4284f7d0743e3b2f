/// A reporting period: a calendar quarter (`2026-Q3`), a month (`2026-10`) or an ISO 8601
/// week (`2026-W42`), whose bounds are midnights in the team's zone.
public struct KPIPeriod: Hashable, Sendable, CustomStringConvertible {
    /// How long the period is.
    public enum Kind: String, Sendable {
        case quarter, month, week
    }

    public let kind: Kind
    /// The calendar year, or the ISO week-numbering year of a week.
    public let year: Int
    /// The quarter (1–4), the month (1–12) or the ISO week (1–53).
    public let number: Int
    /// The period's first day.
    public let firstDay: CivilDate
    /// The day after the period's last day.
    public let endDay: CivilDate

    private init(kind: Kind, year: Int, number: Int, firstDay: CivilDate, endDay: CivilDate) {
        self.kind = kind
        self.year = year
        self.number = number
        self.firstDay = firstDay
        self.endDay = endDay
    }

    /// The quarter `quarter` (1–4) of `year`.
    public static func quarter(_ quarter: Int, of year: Int) -> KPIPeriod {
        let first = CivilDate(unchecked: year, (quarter - 1) * 3 + 1, 1)
        return KPIPeriod(kind: .quarter, year: year, number: quarter, firstDay: first, endDay: first.adding(months: 3))
    }

    /// The month `month` (1–12) of `year`.
    public static func month(_ month: Int, of year: Int) -> KPIPeriod {
        let first = CivilDate(unchecked: year, month, 1)
        return KPIPeriod(kind: .month, year: year, number: month, firstDay: first, endDay: first.adding(months: 1))
    }

    /// ISO week `week` of the ISO year `year`; `nil` when that year has no such week (only
    /// years that start on a Thursday, or leap years that start on a Wednesday, have a week 53).
    public static func week(_ week: Int, of year: Int) -> KPIPeriod? {
        guard week >= 1, week <= weeks(inISOYear: year) else { return nil }
        let first = mondayOfWeekOne(year).adding(days: (week - 1) * 7)
        return KPIPeriod(kind: .week, year: year, number: week, firstDay: first, endDay: first.adding(days: 7))
    }

    /// The quarter that contains `date`.
    public static func quarter(containing date: CivilDate) -> KPIPeriod { quarter(date.quarter, of: date.year) }

    /// The period of the same kind just before this one.
    public var previous: KPIPeriod {
        switch kind {
        case .quarter: number == 1 ? .quarter(4, of: year - 1) : .quarter(number - 1, of: year)
        case .month: number == 1 ? .month(12, of: year - 1) : .month(number - 1, of: year)
        case .week:
            // Week 1 always exists, and the week before week 1 is the previous year's last.
            number == 1 ? .week(Self.weeks(inISOYear: year - 1), of: year - 1)! : .week(number - 1, of: year)!
        }
    }

    /// The instants `[start, end)` the period covers: its first day's midnight to the next
    /// period's, in `zone`.
    public func bounds(in zone: Zone) -> (start: Instant, end: Instant) {
        (zone.instant(for: LocalDateTime(date: firstDay)), zone.instant(for: LocalDateTime(date: endDay)))
    }

    /// `2026-Q3`, `2026-10`, `2026-W42`.
    public var description: String {
        switch kind {
        case .quarter: "\(year)-Q\(number)"
        case .month: "\(year)-\(CivilDate.twoDigits(number))"
        case .week: "\(year)-W\(CivilDate.twoDigits(number))"
        }
    }

    /// The number of ISO weeks (52 or 53) of the ISO year `year`: December 28th is always in its last week.
    public static func weeks(inISOYear year: Int) -> Int {
        let december28 = CivilDate(unchecked: year, 12, 28)
        return (december28.dayNumber - mondayOfWeekOne(year).dayNumber) / 7 + 1
    }

    /// The Monday of ISO week 1 of `year`: the week that contains January 4th.
    private static func mondayOfWeekOne(_ year: Int) -> CivilDate {
        let january4 = CivilDate(unchecked: year, 1, 4)
        return january4.adding(days: 1 - january4.weekday.rawValue)
    }
}
