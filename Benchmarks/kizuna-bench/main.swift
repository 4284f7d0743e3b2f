// Cadence engine throughput: expands 1,000,000 occurrences of a mix of cadences in
// several zones — as the planner does, many short series (one per customer, each
// from its own anchor) rather than one series run for millennia — and prints
// occurrences per second; with python-dateutil on the
// machine it also times dateutil's rrule on equivalent rules in the same run and
// prints the ratio. Run with `make bench` (release build).
import Foundation
import KizunaCore

struct Case {
    let text: String
    let zone: String
    /// The same rule for python-dateutil.
    let rrule: String
}

let cases = [
    Case(text: "every week on tuesday at 10:00", zone: "America/New_York", rrule: "FREQ=WEEKLY;BYDAY=TU;BYHOUR=10;BYMINUTE=0;BYSECOND=0"),
    Case(text: "every 2 weeks on thursday at 15:00", zone: "Europe/London", rrule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;BYHOUR=15;BYMINUTE=0;BYSECOND=0"),
    Case(text: "every month on the second tuesday at 14:00", zone: "Australia/Sydney", rrule: "FREQ=MONTHLY;BYDAY=2TU;BYHOUR=14;BYMINUTE=0;BYSECOND=0"),
    Case(text: "every quarter on day 15 at 09:00", zone: "Asia/Tokyo", rrule: "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15;BYHOUR=9;BYMINUTE=0;BYSECOND=0"),
    Case(text: "every month on the last business day at 17:00", zone: "America/Los_Angeles", rrule: "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;BYHOUR=17;BYMINUTE=0;BYSECOND=0"),
]

let target = 1_000_000
/// Occurrences per series: about what a planning horizon and a catch-up ask of one customer.
let perSeries = 40
let seriesPerCase = target / cases.count / perSeries
let calendar = BusinessCalendar.standard
/// Series start on successive days from 2000-01-03, as customers enter stages on different days.
let anchors = (0..<seriesPerCase).map { LocalDateTime(date: CivilDate("2000-01-03")!.adding(days: $0)) }

let schedules: [(Schedule, ScheduleContext)] = cases.map { benchCase in
    do {
        return (try Schedule.parse(benchCase.text), ScheduleContext(zone: Zone.named(benchCase.zone)!, calendar: calendar))
    } catch {
        FileHandle.standardError.write(Data("cannot parse `\(benchCase.text)`: \(error)\n".utf8))
        exit(1)
    }
}

/// Expands `perSeries` occurrences from every anchor for each schedule through its lazy
/// iterator; returns the total.
func expandAll(_ schedules: [(Schedule, ScheduleContext)]) -> Int {
    var total = 0
    var checksum: Int64 = 0
    for (schedule, context) in schedules {
        for anchor in anchors {
            for occurrence in schedule.occurrences(anchor: anchor, context: context).prefix(perSeries) {
                checksum &+= occurrence.instant.secondsSinceEpoch
                total += 1
            }
        }
    }
    precondition(checksum != 0)
    return total
}

_ = expandAll(schedules)  // warm the zone tables
let clock = ContinuousClock()

/// Runs `work` once and returns (its result, the seconds it took).
func timed(_ work: () -> Int) -> (Int, Double) {
    var result = 0
    let elapsed = clock.measure { result = work() }
    return (result, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}

for (index, benchCase) in cases.enumerated() {
    let (count, seconds) = timed { expandAll([schedules[index]]) }
    print("  \(benchCase.text) (\(benchCase.zone)): \(Int(Double(count) / seconds)) occurrences/s")
}
let (produced, seconds) = timed { expandAll(schedules) }
let rate = Double(produced) / seconds
print("cadence engine: \(produced) occurrences in \(String(format: "%.3f", seconds)) s = \(Int(rate)) occurrences/s")

// python-dateutil on the same rules and series (floating times; a fifth of the series).
let python = """
    import sys, time, itertools
    from datetime import datetime, timedelta
    from dateutil.rrule import rrulestr
    series, per_series = int(sys.argv[1]), int(sys.argv[2])
    rules = sys.argv[3:]
    t = time.perf_counter(); total = 0
    for r in rules:
        for k in range(series):
            for _ in itertools.islice(rrulestr(r, dtstart=datetime(2000, 1, 3) + timedelta(days=k)), per_series):
                total += 1
    print(total / (time.perf_counter() - t))
    """
let process = Process()
process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
process.arguments = ["python3", "-c", python, String(seriesPerCase / 5), String(perSeries)] + cases.map(\.rrule)
let pipe = Pipe()
process.standardOutput = pipe
process.standardError = FileHandle.nullDevice
if (try? process.run()) != nil {
    process.waitUntilExit()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    if process.terminationStatus == 0, let dateutilRate = Double(output.trimmingCharacters(in: .whitespacesAndNewlines)) {
        print("python-dateutil: \(Int(dateutilRate)) occurrences/s (floating, no zone)")
        print("ratio: \(String(format: "%.1f", rate / dateutilRate))× dateutil")
    } else {
        print("python-dateutil: not available")
    }
}
