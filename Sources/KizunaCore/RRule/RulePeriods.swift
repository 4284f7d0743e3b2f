/// Steps through a rule's periods from DTSTART's on and gives each one's occurrences,
/// BYSETPOS applied, before DTSTART, UNTIL and COUNT are.
///
/// YEARLY, MONTHLY and WEEKLY periods are calendar ranges of days (a week starts on WKST),
/// taken one at a time and INTERVAL apart. DAILY and finer periods lie on a grid of days,
/// hours, minutes or seconds from DTSTART's; they are taken a month of days at a time,
/// jumping straight to the month of the next period on the grid.
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
    /// YEARLY: the year; MONTHLY: months since January of year 0; WEEKLY: the week's first
    /// day; DAILY and finer: the day to continue from.
    private var cursor: Int
    /// The first day of the last period that had occurrences (DTSTART's before there was one).
    private var lastProductiveDay: Int
    /// How many days of periods without occurrences prove that there will be none:
    /// 400 × INTERVAL years, after which every period's place in the calendar has repeated.
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
        lastProductiveDay = startDay
        emptyLimit = Self.cycleDays * interval
    }

    /// The next period's first day and its occurrences, ascending; `nil` once no period can
    /// have any.
    mutating func next() -> (firstDay: Int, occurrences: [LocalDateTime])? {
        let period = currentPeriod()
        guard period.lowerBound < Self.endDay, period.lowerBound - lastProductiveDay <= emptyLimit else { return nil }
        let occurrences = frequency >= .weekly ? calendarOccurrences(in: period) : gridOccurrences(in: period)
        if !occurrences.isEmpty { lastProductiveDay = period.lowerBound }
        switch frequency {
        case .yearly, .monthly: cursor += interval
        case .weekly: cursor += 7 * interval
        default:
            let perDay = 86_400 / times.unit
            cursor = floorDivide(grid.first(atOrAfter: period.upperBound * perDay), perDay)
        }
        return (period.lowerBound, occurrences)
    }

    /// The days of the period at the cursor (for DAILY and finer, the rest of the cursor's month).
    private func currentPeriod() -> Range<Int> {
        switch frequency {
        case .yearly:
            return CivilDate(unchecked: cursor, 1, 1).dayNumber..<CivilDate(unchecked: cursor + 1, 1, 1).dayNumber
        case .monthly:
            let year = floorDivide(cursor, 12)
            let first = CivilDate(unchecked: year, cursor - year * 12 + 1, 1)
            return first.dayNumber..<first.adding(months: 1).dayNumber
        case .weekly:
            return cursor..<cursor + 7
        default:
            return cursor..<CivilDate(dayNumber: cursor).endOfMonth.dayNumber + 1
        }
    }

    /// A YEARLY, MONTHLY or WEEKLY period's occurrences: its days at each time.
    private func calendarOccurrences(in period: Range<Int>) -> [LocalDateTime] {
        select(from: days.days(in: period).map { $0 * 86_400 })
    }

    /// The occurrences of the DAILY or finer periods on the grid within `range`, each period's
    /// BYSETPOS applied on its own.
    private func gridOccurrences(in range: Range<Int>) -> [LocalDateTime] {
        days.days(in: range).flatMap { day in
            times.periods(onDay: day, grid: grid).flatMap { select(from: [$0 * times.unit]) }
        }
    }

    /// One period's occurrences, each start (seconds since the epoch) at each of the times,
    /// narrowed by BYSETPOS: positions counted from 1, or from the end when negative.
    private func select(from starts: [Int]) -> [LocalDateTime] {
        let offsets = times.offsets
        let count = starts.count * offsets.count
        let picked =
            setPositions.isEmpty
            ? Array(0..<count)
            : Set(setPositions.map { $0 > 0 ? $0 - 1 : count + $0 }.filter { (0..<count).contains($0) }).sorted()
        return picked.map { LocalDateTime(secondsSinceEpoch: Int64(starts[$0 / offsets.count] + offsets[$0 % offsets.count])) }
    }
}

/// `value / divisor` rounded down, also for a negative `value` (days and seconds before 1970).
private func floorDivide(_ value: Int, _ divisor: Int) -> Int {
    value >= 0 ? value / divisor : (value - divisor + 1) / divisor
}
