/// Steps through a rule's periods from DTSTART's on and gives each one's occurrences,
/// BYSETPOS applied, before DTSTART, UNTIL and COUNT are.
///
/// YEARLY, MONTHLY and WEEKLY periods are calendar ranges of days (a week starts on WKST),
/// taken one at a time and INTERVAL apart. DAILY and finer periods lie on a grid of days,
/// hours, minutes or seconds from DTSTART's: the days the rule selects are found a month
/// at a time (jumping straight to the month of the next period on the grid), then each
/// selected day's periods, then each period's occurrences.
struct RulePeriods {
    /// The day on which the years that RFC 5545 can write end (10000-01-01).
    private static let endDay = CivilDate(unchecked: 10_000, 1, 1).dayNumber
    /// The Gregorian calendar repeats every 400 years, 146,097 days.
    private static let cycleDays = 146_097

    private let frequency: RecurrenceRule.Frequency
    private let interval: Int
    private let days: RuleDays
    private let times: RuleTimes
    private let setPositions: [Int]
    private let grid: RuleGrid
    /// DAILY and finer: when a period's occurrences fall, BYSETPOS applied (every such period
    /// has the same times, so BYSETPOS picks the same ones from each); none when the grid
    /// never meets a period that BYHOUR, BYMINUTE and BYSECOND keep.
    private let gridOffsets: [Int]
    /// YEARLY: the year; MONTHLY: months since January of year 0; WEEKLY: the week's first
    /// day; DAILY and finer: the first day of the month of days to select next.
    private var cursor: Int
    /// DAILY and finer: the selected days of the current month not yet expanded, and the
    /// periods on the grid of the current day (units since the epoch) not yet given.
    private var pendingDays: ArraySlice<Int> = []
    private var pendingPeriods: ArraySlice<Int> = []
    private var currentDay = 0
    /// The first day of the last period that had occurrences (DTSTART's before there was one).
    private var lastProductiveDay: Int
    /// How many days of periods without occurrences prove that there will be none: by then
    /// every period's place in the 400-year Gregorian cycle has come round again.
    private let emptyLimit: Int

    init(rule: RecurrenceRule, start: LocalDateTime) {
        frequency = rule.frequency
        // Periods further apart than this cannot both fall within the years 0 through 9999.
        interval = min(rule.interval, 1 << 40)
        days = RuleDays(rule: rule, start: start.date)
        times = RuleTimes(rule: rule, start: start.time)
        setPositions = rule.bySetPosition
        let startDay = start.date.dayNumber
        grid = RuleGrid(origin: floorDivide(Int(start.secondsSinceEpoch), times.unit), interval: interval)
        cursor =
            switch frequency {
            case .yearly: start.date.year
            case .monthly: start.date.year * 12 + start.date.month - 1
            case .weekly: startDay - rule.weekStart.days(until: start.date.weekday)
            default: startDay
            }
        let offsets = times.offsets
        gridOffsets = times.meets(grid) ? Self.pick(rule.bySetPosition, among: offsets.count).map { offsets[$0] } : []
        lastProductiveDay = startDay
        // The calendar repeats every 400 years, so the periods' places in it repeat every
        // lcm(INTERVAL, units in 400 years) units: 400 × INTERVAL / gcd(…) years.
        let unitsPerCycle =
            switch frequency {
            case .yearly: 400
            case .monthly: 4800
            case .weekly: Self.cycleDays / 7
            default: Self.cycleDays * times.periodsPerDay
            }
        emptyLimit = Self.cycleDays * (interval / greatestCommonDivisor(interval, unitsPerCycle))
    }

    /// The next period's first day and its occurrences, ascending; `nil` once no period can
    /// have any. For DAILY and finer, a step may also just select the next month's days or
    /// find the next day's periods, with no occurrences.
    mutating func next() -> (firstDay: Int, occurrences: [LocalDateTime])? {
        let firstDay: Int
        let occurrences: [LocalDateTime]
        if frequency >= .weekly {
            let period = calendarPeriod()
            guard isWithinBounds(period.lowerBound) else { return nil }
            firstDay = period.lowerBound
            occurrences = self.occurrences(onDays: days.days(in: period))
            cursor += frequency == .weekly ? 7 * interval : interval
        } else if let period = pendingPeriods.popFirst() {
            firstDay = currentDay
            occurrences = gridOffsets.map { LocalDateTime(secondsSinceEpoch: Int64(period * times.unit + $0)) }
        } else if let day = pendingDays.popFirst() {
            pendingPeriods = times.periods(onDay: day, grid: grid)[...]
            currentDay = day
            firstDay = day
            occurrences = []
        } else {
            guard !gridOffsets.isEmpty, isWithinBounds(cursor) else { return nil }
            let month = cursor..<(CivilDate(dayNumber: cursor).endOfMonth.dayNumber + 1)
            pendingDays = days.days(in: month)[...]
            cursor = floorDivide(grid.first(atOrAfter: month.upperBound * times.periodsPerDay), times.periodsPerDay)
            firstDay = month.lowerBound
            occurrences = []
        }
        if !occurrences.isEmpty { lastProductiveDay = firstDay }
        return (firstDay, occurrences)
    }

    /// Whether a period that begins on `day` is before the year 10000 and close enough to
    /// the last one with occurrences that the rule may still have some.
    private func isWithinBounds(_ day: Int) -> Bool {
        day < Self.endDay && day - lastProductiveDay <= emptyLimit
    }

    /// The days of the YEARLY, MONTHLY or WEEKLY period at the cursor.
    private func calendarPeriod() -> Range<Int> {
        switch frequency {
        case .yearly:
            return CivilDate(unchecked: cursor, 1, 1).dayNumber..<CivilDate(unchecked: cursor + 1, 1, 1).dayNumber
        case .monthly:
            let year = floorDivide(cursor, 12)
            let first = CivilDate(unchecked: year, cursor - year * 12 + 1, 1)
            return first.dayNumber..<first.adding(months: 1).dayNumber
        default:
            return cursor..<cursor + 7
        }
    }

    /// A calendar period's occurrences: each of its days at each of the times, narrowed by BYSETPOS.
    private func occurrences(onDays days: [Int]) -> [LocalDateTime] {
        let offsets = times.offsets
        return Self.pick(setPositions, among: days.count * offsets.count).map {
            LocalDateTime(secondsSinceEpoch: Int64(days[$0 / offsets.count] * 86_400 + offsets[$0 % offsets.count]))
        }
    }

    /// BYSETPOS: the indices that `positions` (from 1, or from the end when negative) pick
    /// out of `count` occurrences, ascending; all of them when no position is given.
    private static func pick(_ positions: [Int], among count: Int) -> [Int] {
        guard !positions.isEmpty else { return Array(0..<count) }
        return Set(positions.map { $0 > 0 ? $0 - 1 : count + $0 }.filter { (0..<count).contains($0) }).sorted()
    }
}

/// `value / divisor` rounded down, also for a negative `value` (days and seconds before 1970).
private func floorDivide(_ value: Int, _ divisor: Int) -> Int {
    value >= 0 ? value / divisor : (value - divisor + 1) / divisor
}
