/// A recurring schedule in Kizuna's friendly form: "every 2 weeks on thursday at 15:00".
public struct Cadence: Hashable, Sendable {
    /// The period the cadence repeats on.
    public enum Frequency: String, Hashable, Sendable, CaseIterable {
        case day, businessDay = "business day", week, month, quarter, year
    }

    /// Whether the grid is fixed from its start or restarts from each completion.
    public enum Recurrence: String, Hashable, Sendable {
        /// Occurrences stand on a fixed grid from the start ("every 2 weeks").
        case fixed
        /// The next occurrence is counted from when the last one was done.
        case afterCompletion = "after completion"
    }

    /// Every `interval` periods.
    public var interval: Int
    public var frequency: Frequency
    /// Which days of the period ("on tuesday", "on the last business day"); empty means
    /// the day the grid starts on (the anchor's weekday, day of month, …).
    public var days: [DaySelector]
    /// Times of day ("at 10:00"); empty means the start of the working day, 09:00.
    public var times: [LocalTime]
    /// What happens to an occurrence that falls on a day off.
    public var holidays: HolidayPolicy
    /// Where the grid starts; `nil` means the play's natural anchor (stage entered).
    public var start: Anchor?
    /// When the cadence stops; `nil` means never (or when the play stops applying).
    public var end: CadenceEnd?
    public var recurrence: Recurrence

    public init(
        interval: Int = 1, frequency: Frequency, days: [DaySelector] = [], times: [LocalTime] = [],
        holidays: HolidayPolicy = .keep, start: Anchor? = nil, end: CadenceEnd? = nil, recurrence: Recurrence = .fixed
    ) {
        self.interval = interval
        self.frequency = frequency
        self.days = days
        self.times = times
        self.holidays = holidays
        self.start = start
        self.end = end
        self.recurrence = recurrence
    }
}

/// A day inside a cadence's period.
public enum DaySelector: Hashable, Sendable {
    /// Every such weekday of the period ("tuesday").
    case weekday(Weekday)
    /// The nth such weekday of the month, quarter or year; negative counts from the end
    /// ("first tuesday" is `(1, .tuesday)`, "last friday" is `(-1, .friday)`).
    case nthWeekday(Int, Weekday)
    /// The nth day of the month, quarter or year; beyond the period's end it means the
    /// last day ("day 31" in February is the 28th or 29th); negative counts from the end.
    case day(Int)
    /// The nth business day of the period; negative counts from the end ("last business day").
    case businessDay(Int)
    /// A day of a given month, for yearly cadences ("march 15").
    case monthDay(month: Int, day: Int)
}

/// A date known for each customer, with offsets: "stage entered + 2 business days",
/// "renewal date - 90 days", "2027-01-15".
public struct Anchor: Hashable, Sendable {
    public enum Base: Hashable, Sendable {
        /// The instant the customer entered its current stage.
        case stageEntered
        /// The instant the customer became a customer.
        case customerSince
        /// The customer's renewal date.
        case renewalDate
        /// A fixed date.
        case date(CivilDate)
    }

    public var base: Base
    public var offsets: [CalendarSpan]

    public init(_ base: Base, offsets: [CalendarSpan] = []) {
        self.base = base
        self.offsets = offsets
    }
}

/// When a cadence stops.
public enum CadenceEnd: Hashable, Sendable {
    /// After this many occurrences.
    case count(Int)
    /// No occurrence after this anchor's date.
    case until(Anchor)
}
