/// The nominal grid points of a cadence, before holidays move them: each selected day of
/// every `interval`th period from the grid start, at each time, ascending.
///
/// The grid starts at the period containing `start` or, when asked, jumps straight to the
/// first of its periods that contains a later date; it never walks day by day, and keeps
/// one reusable buffer of the current period's days.
struct CadenceGrid: IteratorProtocol {
    /// How many periods in a row may select no day before the grid is taken to be empty
    /// ("the 6th business day" of a five-day week), so that iteration always ends.
    static let emptyPeriodLimit = 1000

    private let frequency: Cadence.Frequency
    private let interval: Int
    private let selectors: [GridDay]
    private let times: [LocalTime]
    private let calendar: BusinessCalendar
    private let start: LocalDateTime
    private let startDay: Int
    private let lastDay: Int
    /// The next period to select days from (for business-day cadences, the next grid day).
    private var period: Int
    private var days = DayBuffer()
    private var dayPosition = 0
    private var date: CivilDate
    private var timePosition: Int
    private var finished = false

    /// - Parameters:
    ///   - days: the cadence's selectors; empty means the grid start's own day.
    ///   - times: sorted, without duplicates, not empty.
    ///   - start: the grid start; earlier points are not produced.
    ///   - scanFrom: skip the periods that end before this date.
    ///   - until: the last date of the grid, inclusive.
    init(
        frequency: Cadence.Frequency, interval: Int, days: [DaySelector], times: [LocalTime],
        calendar: BusinessCalendar, start: LocalDateTime, scanFrom: CivilDate?, until: CivilDate?
    ) {
        self.frequency = frequency
        self.interval = interval
        self.times = times
        self.calendar = calendar
        self.start = start
        startDay = start.date.dayNumber
        lastDay = until?.dayNumber ?? .max
        selectors = days.isEmpty ? [GridDay.defaults(for: frequency, start: start.date)] : days.map(GridDay.init)
        date = start.date
        timePosition = times.count
        if frequency == .businessDay {
            period = Self.firstBusinessDay(start: start.date, scanFrom: scanFrom, interval: interval, calendar: calendar)
        } else {
            let first = frequency.periodIndex(of: start.date)
            let skipped = scanFrom.map { frequency.periodIndex(of: $0) - first } ?? 0
            period = first + max(0, (skipped + interval - 1) / interval) * interval
        }
    }

    mutating func next() -> LocalDateTime? {
        while timePosition == times.count {
            guard nextDay() else { return nil }
        }
        let time = times[timePosition]
        timePosition += 1
        return LocalDateTime(date: date, time: time)
    }

    /// Moves to the next selected day on or after the grid start; false when the grid ends.
    private mutating func nextDay() -> Bool {
        var emptyPeriods = 0
        while !finished {
            while dayPosition == days.count {
                guard emptyPeriods < Self.emptyPeriodLimit else {
                    finished = true
                    return false
                }
                fillNextPeriod()
                emptyPeriods = days.count == 0 ? emptyPeriods + 1 : 0
            }
            let day = days[dayPosition]
            dayPosition += 1
            guard day <= lastDay else {
                finished = true
                return false
            }
            guard day >= startDay else { continue }
            date = CivilDate(dayNumber: day)
            // On the start day itself, only the times at or after the start's time count.
            timePosition = day == startDay ? times.firstIndex { $0 >= start.time } ?? times.count : 0
            if timePosition < times.count { return true }
        }
        return false
    }

    private mutating func fillNextPeriod() {
        days.removeAll()
        dayPosition = 0
        if frequency == .businessDay {
            days.append(period)
            period = calendar.adding(businessDays: interval, to: CivilDate(dayNumber: period)).dayNumber
            return
        }
        let span = frequency.period(at: period)
        period += interval
        for selector in selectors { selector.select(in: span, calendar: calendar, into: &days) }
        if selectors.count > 1 { days.sortUnique() }
    }

    /// The first business-day grid point on or after `scanFrom`: the grid is every
    /// `interval`th business day from the first one on or after `start`.
    private static func firstBusinessDay(start: CivilDate, scanFrom: CivilDate?, interval: Int, calendar: BusinessCalendar) -> Int {
        let first = calendar.businessDay(onOrAfter: start).dayNumber
        guard let scanFrom, scanFrom.dayNumber > first else { return first }
        let counter = BusinessDayCounter(calendar)
        let passed = counter.count(from: first, to: scanFrom.dayNumber)
        return counter.businessDay(index: (passed + interval - 1) / interval * interval, from: first)
    }
}
