/// The time parts of a rule (BYHOUR, BYMINUTE, BYSECOND) for one DTSTART: which periods of
/// a day a DAILY or finer rule keeps, and at which times within a period the rule fires.
///
/// A part finer than the frequency expands (BYMINUTE under HOURLY gives several times in
/// each hour); one at the frequency's level or coarser limits (BYHOUR under HOURLY keeps
/// some hours). A part not given takes DTSTART's value when it is finer than the frequency.
/// BYSECOND=60 (a leap second) never occurs: wall clocks here have no leap seconds.
struct RuleTimes {
    /// The length of a period in seconds: a day for DAILY and coarser, else an hour, a minute or a second.
    let unit: Int
    /// How many periods a day has: 1 for DAILY and coarser, 24, 1,440 or 86,400.
    var periodsPerDay: Int { 86_400 / unit }
    /// When the occurrences fall within a period, in seconds from its start, ascending.
    let offsets: [Int]
    /// The periods of a day (numbered from midnight) that the limiting parts keep; `nil` for all.
    private let kept: [Int]?
    private let keptSet: Set<Int>

    init(rule: RecurrenceRule, start: LocalTime) {
        let unit =
            switch rule.frequency {
            case .secondly: 1
            case .minutely: 60
            case .hourly: 3600
            default: 86_400
            }
        self.unit = unit
        let levels = [
            Level(rule.byHour, all: 0..<24, seconds: 3600, start: start.hour),
            Level(rule.byMinute, all: 0..<60, seconds: 60, start: start.minute),
            Level(rule.bySecond, all: 0..<60, seconds: 1, start: start.second),
        ]
        let expanding = levels.filter { $0.seconds < unit }
        offsets = Self.combine(expanding.map { ($0.given ?? [$0.start], $0.seconds) })
        let limiting = levels.filter { $0.seconds >= unit }
        let kept = limiting.allSatisfy { $0.given == nil } ? nil : Self.combine(limiting.map { ($0.given ?? Array($0.all), $0.seconds) }).map { $0 / unit }
        self.kept = kept
        keptSet = Set(kept ?? [])
    }

    /// One of hour, minute and second: the values given for it, if any, and DTSTART's.
    private struct Level {
        /// The values given (leap seconds left out), `nil` when the part is not given.
        let given: [Int]?
        let all: Range<Int>
        let seconds: Int
        let start: Int

        init(_ given: [Int], all: Range<Int>, seconds: Int, start: Int) {
            self.given = given.isEmpty ? nil : given.filter(all.contains)
            self.all = all
            self.seconds = seconds
            self.start = start
        }
    }

    /// Every sum of one value from each list times that list's seconds, ascending (the lists are).
    private static func combine(_ levels: [(values: [Int], seconds: Int)]) -> [Int] {
        levels.reduce([0]) { sums, level in
            sums.flatMap { sum in level.values.map { sum + $0 * level.seconds } }
        }
    }

    /// Whether the grid ever meets a period that the limiting parts keep. A day starts at a
    /// multiple of its number of periods, so the grid meets the `k`th period of some day
    /// exactly when `k` and the origin agree modulo gcd(INTERVAL, periods in a day):
    /// `FREQ=HOURLY;INTERVAL=6;BYHOUR=4` from 09:00 never meets 04:00.
    func meets(_ grid: RuleGrid) -> Bool {
        guard let kept else { return true }
        let step = greatestCommonDivisor(grid.interval, periodsPerDay)
        return kept.contains { ($0 - grid.origin) % step == 0 }
    }

    /// The periods of `day` (as units since the epoch) that lie on `grid` and that the limiting parts keep.
    func periods(onDay day: Int, grid: RuleGrid) -> [Int] {
        let dayStart = day * periodsPerDay
        let dayEnd = dayStart + periodsPerDay
        let first = grid.first(atOrAfter: dayStart)
        guard first < dayEnd else { return [] }
        let onGrid = stride(from: first, to: dayEnd, by: grid.interval)
        guard let kept else { return Array(onGrid) }
        // Whichever is shorter: the kept periods, or the day's periods on the grid.
        if kept.count < (dayEnd - 1 - first) / grid.interval + 1 {
            return kept.map { dayStart + $0 }.filter(grid.contains)
        }
        return onGrid.filter { keptSet.contains($0 - dayStart) }
    }
}
