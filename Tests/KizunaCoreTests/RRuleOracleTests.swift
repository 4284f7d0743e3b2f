import Foundation
import Testing

@testable import KizunaCore

/// Compares the engine with python-dateutil's `rrule` on a few hundred generated rules.
///
/// The rules come from a seeded generator, so every run checks the same ones. A few
/// constructs are left out because dateutil departs from RFC 5545 on them:
/// - BYDAY mixing plain weekdays and ordinals (`MO,1TU`): dateutil requires a day to match
///   both, so the rule never fires; the RFC means either.
/// - FREQ=WEEKLY with BYSETPOS from a DTSTART that is not on WKST: dateutil's first period
///   runs from DTSTART to the week's end, so positions count from DTSTART; the RFC's
///   period is the whole week. Such rules start on WKST here.
/// - UNTIL as a date: dateutil reads it as midnight, which drops that day's later
///   occurrences; here UNTIL=20261231 includes the whole day.
/// - BYWEEKNO 52, 53, -52 and -53, whose weeks cross the turn of the year (see `weekNumbers`).
/// - UNTIL in UTC (dateutil wants a DTSTART with a zone then) and RFC 7529's RSCALE/SKIP,
///   which dateutil does not implement.
@Suite struct RRuleOracleTests {
    @Test(.timeLimit(.minutes(5))) func agreesWithDateutil() throws {
        var generator = RuleGenerator(seed: 0x4B69_7A75_6E61)
        let cases = (0..<400).map { _ in generator.makeCase() }
        let answers = try oracle(cases)
        try #require(answers.count == cases.count)
        for (testCase, answer) in zip(cases, answers) {
            let horizon = LocalDateTime(testCase.horizon)!
            let actual = try RecurrenceRule(parsing: testCase.rule)
                .occurrences(from: LocalDateTime(testCase.dtstart)!, zone: .utc)
                .prefix(testCase.count).filter { $0 <= horizon }.map(\.description)
            #expect(actual == answer, "\(testCase.rule) from \(testCase.dtstart)")
        }
    }

    /// Runs the dateutil script once over every case.
    private func oracle(_ cases: [OracleCase]) throws -> [[String]] {
        let script = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("rrule_oracle.py")
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let input = try cases.map { String(decoding: try encoder.encode($0), as: UTF8.self) }.joined(separator: "\n")
        // The requests go through a file: a pipe could fill up both ways and stall.
        let requests = FileManager.default.temporaryDirectory.appendingPathComponent("rrule-oracle-\(UUID().uuidString).jsonl")
        try Data(input.utf8).write(to: requests)
        defer { try? FileManager.default.removeItem(at: requests) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path]
        process.standardInput = try FileHandle(forReadingFrom: requests)
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        return try String(decoding: data, as: UTF8.self).split(separator: "\n").map { line in
            let answer = try JSONSerialization.jsonObject(with: Data(line.utf8))
            return try #require(answer as? [String], "dateutil rejected a rule: \(line)")
        }
    }
}

/// One request to the dateutil script: the first `count` occurrences up to `horizon`.
private struct OracleCase: Encodable {
    let rule: String
    let dtstart: String
    let count: Int
    let horizon: String
}

/// Rules that mix FREQ, INTERVAL, BYDAY with and without ordinals, BYMONTHDAY, BYMONTH,
/// BYSETPOS, BYYEARDAY, BYWEEKNO, WKST, BYHOUR/BYMINUTE, COUNT and UNTIL.
private struct RuleGenerator {
    private var random: SplitMix64
    private static let weekdays = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    private mutating func list(_ values: [Int], most: Int) -> String {
        random.some(values, most: most).map(String.init).joined(separator: ",")
    }

    private mutating func weekdayList(ordinals: [Int]?) -> String {
        let days = random.some(Array(0..<7), most: 3).map { Self.weekdays[$0] }
        guard let ordinals else { return days.joined(separator: ",") }
        return days.map { "\(random.pick(ordinals))\($0)" }.joined(separator: ",")
    }

    private static let monthDays = Array(1...31) + Array(-31...(-1))
    private static let yearDays = [1, 2, 59, 60, 100, 200, 365, 366, -1, -2, -100, -365, -366]
    /// Not 52, 53, -52 or -53: dateutil counts the weeks of the year before with the current
    /// year's length (so 2022-01-01, in ISO week 52 of 2021, is not in BYWEEKNO=52), and a
    /// negative week never reaches into the next year (BYWEEKNO=-53 misses a week 1 that
    /// starts in December). `RRuleBehaviourTests` checks those boundaries against ISO 8601.
    private static let weekNumbers = [1, 2, 10, 20, 26, 51, -1, -2, -10]

    mutating func makeCase() -> OracleCase {
        let frequency = random.pick(["YEARLY", "YEARLY", "YEARLY", "MONTHLY", "MONTHLY", "MONTHLY", "WEEKLY", "WEEKLY", "DAILY", "DAILY", "HOURLY", "MINUTELY"])
        var parts = ["FREQ=\(frequency)"]
        var interval = random.chance(40) ? random.int(2...4) : 1
        var hasByPart = false
        func add(_ part: String, _ value: String) {
            parts.append("\(part)=\(value)")
            hasByPart = true
        }
        switch frequency {
        case "YEARLY":
            switch random.int(0...7) {
            case 0: break
            case 1: add("BYMONTH", list(Array(1...12), most: 3))
            case 2:
                add("BYMONTHDAY", list(Self.monthDays, most: 3))
                if random.chance(50) { add("BYMONTH", list(Array(1...12), most: 3)) }
            case 3:
                add("BYDAY", weekdayList(ordinals: nil))
                if random.chance(60) { add("BYMONTH", list(Array(1...12), most: 2)) }
            case 4:
                let byMonth = random.chance(50)
                add("BYDAY", weekdayList(ordinals: byMonth ? [1, 2, 3, 4, 5, -1, -2, -5] : [1, 2, 10, 20, 52, 53, -1, -2, -53]))
                if byMonth { add("BYMONTH", list(Array(1...12), most: 2)) }
            case 5:
                add("BYYEARDAY", list(Self.yearDays, most: 3))
                if random.chance(30) { add("BYMONTH", list(Array(1...12), most: 3)) }
            case 6:
                add("BYWEEKNO", list(Self.weekNumbers, most: 2))
                if random.chance(70) { add("BYDAY", weekdayList(ordinals: nil)) }
            default:
                add("BYMONTHDAY", list(Array(1...31), most: 4))
                add("BYDAY", weekdayList(ordinals: nil))
            }
        case "MONTHLY":
            switch random.int(0...4) {
            case 0: break
            case 1: add("BYMONTHDAY", list(Self.monthDays, most: 3))
            case 2: add("BYDAY", weekdayList(ordinals: nil))
            case 3: add("BYDAY", weekdayList(ordinals: [1, 2, 3, 4, 5, -1, -2, -3, -5]))
            default:
                add("BYMONTHDAY", list(Array(1...31) + [-1, -2, -3], most: 7))
                add("BYDAY", weekdayList(ordinals: nil))
            }
            if random.chance(25) { add("BYMONTH", list(Array(1...12), most: 4)) }
        case "WEEKLY", "DAILY":
            if random.chance(60) { add("BYDAY", weekdayList(ordinals: nil)) }
            if random.chance(30) { add("BYMONTH", list(Array(1...12), most: 4)) }
            // Days every month has: dateutil takes minutes to walk day by day to year 9999
            // through a rule that never occurs (BYMONTH=2;BYMONTHDAY=30).
            if frequency == "DAILY" && random.chance(30) { add("BYMONTHDAY", list(Array(1...28) + Array(-28...(-1)), most: 4)) }
        default:
            // HOURLY and MINUTELY; intervals prime to 24 and 60 so that any BYHOUR and BYMINUTE
            // is reachable (dateutil rejects rules whose limits the grid never meets).
            interval = random.pick(frequency == "HOURLY" ? [1, 5, 7] : [1, 7, 11])
            if random.chance(50) { add("BYHOUR", list(Array(0...23), most: 3)) }
            if frequency == "MINUTELY" && random.chance(50) { add("BYMINUTE", list(Array(0...59), most: 4)) }
            if random.chance(30) { add("BYDAY", weekdayList(ordinals: nil)) }
            if random.chance(20) { add("BYMONTH", list(Array(1...12), most: 4)) }
        }
        if ["YEARLY", "MONTHLY", "WEEKLY", "DAILY"].contains(frequency) {
            if random.chance(20) { add("BYHOUR", list([6, 9, 12, 18], most: 2)) }
            if random.chance(15) { add("BYMINUTE", list([0, 15, 30, 45], most: 2)) }
        }
        if interval > 1 { parts.append("INTERVAL=\(interval)") }
        let weekStart = random.chance(30) ? random.pick(Self.weekdays) : "MO"
        if weekStart != "MO" { parts.append("WKST=\(weekStart)") }
        // Positions that most periods have: dateutil takes minutes to walk to year 9999
        // through a rule that never occurs (a daily BYSETPOS=3 with one time a day).
        let setPosition = hasByPart && random.chance(25)
        if setPosition {
            // Every month has four or five of each weekday.
            let onlyWeekdays = parts.contains { $0.hasPrefix("BYDAY=") && !$0.contains(where: \.isNumber) }
                && !parts.contains { $0.hasPrefix("BYMONTHDAY=") || $0.hasPrefix("BYYEARDAY=") || $0.hasPrefix("BYWEEKNO=") }
            let manyPerPeriod = (frequency == "YEARLY" || frequency == "MONTHLY") && onlyWeekdays
            parts.append("BYSETPOS=\(list(manyPerPeriod ? [1, 2, -1, -2] : [1, -1], most: 2))")
        }

        var start = LocalDateTime(
            date: CivilDate(year: random.int(1995...2030), month: random.int(1...12), day: random.int(1...28))!,
            time: LocalTime(hour: random.int(0...23), minute: random.pick([0, 15, 30, 45]))!)
        if frequency == "WEEKLY" && setPosition {
            let weekStartDay = start.date.adding(days: start.date.weekday.days(until: Weekday(name: weekStart)!))
            start = LocalDateTime(date: weekStartDay, time: start.time)
        }
        if random.chance(30) {
            parts.append("COUNT=\(random.int(1...15))")
        } else if random.chance(40) {
            let until = LocalDateTime(secondsSinceEpoch: start.secondsSinceEpoch + Int64(random.int(0...(3 * 365 * 86_400))))
            parts.append("UNTIL=\(until.description.filter { $0 != "-" && $0 != ":" })")
        }
        let horizon = LocalDateTime(date: start.date.adding(months: 30 * 12), time: start.time)
        let rule = (random.chance(50) ? "RRULE:" : "") + parts.joined(separator: ";")
        return .init(rule: rule, dtstart: start.description, count: 25, horizon: horizon.description)
    }
}
