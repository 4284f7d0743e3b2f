extension RecurrenceRule {
    /// FREQ: the period a rule repeats over, from the finest to the coarsest.
    public enum Frequency: Int, CaseIterable, Comparable, Sendable {
        case secondly, minutely, hourly, daily, weekly, monthly, yearly

        /// The RFC 5545 spelling, `MONTHLY`.
        public var name: String {
            switch self {
            case .secondly: "SECONDLY"
            case .minutely: "MINUTELY"
            case .hourly: "HOURLY"
            case .daily: "DAILY"
            case .weekly: "WEEKLY"
            case .monthly: "MONTHLY"
            case .yearly: "YEARLY"
            }
        }

        public static func < (lhs: Frequency, rhs: Frequency) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// One BYDAY value: a weekday, optionally with an ordinal (`2TU` is the second Tuesday,
    /// `-1FR` the last Friday of the month, or of the year for a yearly rule without BYMONTH).
    public struct WeekdaySpecifier: Hashable, Sendable, CustomStringConvertible {
        public let weekday: Weekday
        /// 1 through 53 or -53 through -1; `nil` for every such weekday of the period.
        public let ordinal: Int?

        public init(_ weekday: Weekday, ordinal: Int? = nil) {
            self.weekday = weekday
            self.ordinal = ordinal
        }

        /// The RFC 5545 form, `-1FR`.
        public var description: String { (ordinal.map(String.init) ?? "") + weekday.icalCode }
    }

    /// UNTIL: the inclusive end of a rule.
    public enum Until: Hashable, Sendable {
        /// `20261231`: occurrences on that day are still included, whatever their time.
        case date(CivilDate)
        /// `20261231T170000`: a wall time, compared with the occurrences' wall times.
        case floating(LocalDateTime)
        /// `20261231T170000Z`: an instant; an occurrence's wall time is turned into an
        /// instant in the zone given to `occurrences(from:zone:)` to compare with it.
        case utc(Instant)
    }

    /// RFC 7529's SKIP: what happens to a day of the month that the month lacks
    /// (`BYMONTHDAY=31` in April, or a monthly rule started on January 31st, in February).
    public enum Skip: String, CaseIterable, Sendable {
        /// The occurrence is dropped (RFC 5545's behaviour).
        case omit = "OMIT"
        /// The month's last day is used instead (for a negative day, the previous month's last day).
        case backward = "BACKWARD"
        /// The next month's first day is used instead (for a negative day, the month's first day).
        case forward = "FORWARD"
    }
}
