/// An RFC 5545 recurrence rule (`RRULE:FREQ=MONTHLY;BYDAY=-1FR`), with RFC 7529's
/// `RSCALE`/`SKIP` where given.
///
/// The rule parts are kept as parsed and validated: lists are sorted and free of repeats,
/// and parts that the rule leaves to DTSTART (the day of a monthly rule, the weekday of a
/// weekly one) stay empty until `occurrences(from:zone:)` fills them in from the start.
public struct RecurrenceRule: Hashable, Sendable {
    /// FREQ.
    public let frequency: Frequency
    /// INTERVAL: every how many periods the rule fires (1 when not given).
    public let interval: Int
    /// COUNT: how many occurrences there are at most.
    public let count: Int?
    /// UNTIL: the last moment an occurrence may fall on, inclusive.
    public let until: Until?
    /// BYSECOND, 0 through 60 (60, a leap second, never occurs on the wall clocks used here).
    public let bySecond: [Int]
    /// BYMINUTE, 0 through 59.
    public let byMinute: [Int]
    /// BYHOUR, 0 through 23.
    public let byHour: [Int]
    /// BYDAY: weekdays, some with an ordinal (`-1FR`).
    public let byDay: [WeekdaySpecifier]
    /// BYMONTHDAY, 1 through 31 or -31 through -1 (counted from the month's end).
    public let byMonthDay: [Int]
    /// BYYEARDAY, 1 through 366 or -366 through -1.
    public let byYearDay: [Int]
    /// BYWEEKNO, 1 through 53 or -53 through -1, in weeks that start on `weekStart`.
    public let byWeekNumber: [Int]
    /// BYMONTH, 1 through 12.
    public let byMonth: [Int]
    /// BYSETPOS, 1 through 366 or -366 through -1: positions within each period's occurrences.
    public let bySetPosition: [Int]
    /// WKST (Monday when not given).
    public let weekStart: Weekday
    /// RFC 7529's SKIP (`omit`, RFC 5545's behaviour, unless the rule says otherwise).
    public let skip: Skip
}

extension RecurrenceRule {
    /// Reads `RRULE:…` or the bare `FREQ=…;…` form.
    ///
    /// Names and values are read case-insensitively and the parts may come in any order.
    /// Every problem is reported with the offset (in Unicode scalars, counting an
    /// `RRULE:` prefix) of the part or value at fault, what was expected, and a
    /// "did you mean" hint for a misspelt name.
    public init(parsing text: String) throws(SyntaxError) {
        self = try RuleParser(text).parse()
    }

    /// The rule's occurrences as wall times, from `start` (DTSTART) on, ascending and lazily.
    /// `zone` is needed only to compare with an `UNTIL` given in UTC.
    ///
    /// DTSTART is an occurrence only when it matches the rule, as in python-dateutil:
    /// `FREQ=MONTHLY;BYDAY=1MO` from a Wednesday starts on the next first Monday. (RFC 5545
    /// counts a non-matching DTSTART as an extra first instance; a schedule anchored at a
    /// stage change should not fire on the change itself unless the rule says so.)
    ///
    /// The sequence ends with COUNT or UNTIL, after the year 9999 (the last that RFC 5545
    /// can write), or once the rule's periods have come round the 400-year Gregorian cycle
    /// (at most 400 × INTERVAL years) without an occurrence: such a rule
    /// (`FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30`) can never produce one. A DTSTART outside
    /// the years 0 through 9999 gives no occurrences.
    public func occurrences(from start: LocalDateTime, zone: Zone) -> AnySequence<LocalDateTime> {
        AnySequence { RecurrenceIterator(rule: self, start: start, zone: zone) }
    }
}
