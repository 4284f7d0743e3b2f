// Cadence engine throughput: expands 1,000,000 occurrences of a mix of cadences in
// several zones and prints occurrences per second; with python-dateutil on the
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
let perCase = target / cases.count
let calendar = BusinessCalendar.standard
let anchor = LocalDateTime("2000-01-03T00:00")!

let schedules: [(Schedule, ScheduleContext)] = cases.map { benchCase in
    do {
        return (try Schedule.parse(benchCase.text), ScheduleContext(zone: Zone.named(benchCase.zone)!, calendar: calendar))
    } catch {
        FileHandle.standardError.write(Data("cannot parse `\(benchCase.text)`: \(error)\n".utf8))
        exit(1)
    }
}

/// Expands `perCase` occurrences of each schedule through its lazy iterator; returns the total.
func expandAll(_ schedules: [(Schedule, ScheduleContext)]) -> Int {
    var total = 0
    var checksum: Int64 = 0
    for (schedule, context) in schedules {
        for occurrence in schedule.occurrences(anchor: anchor, context: context).prefix(perCase) {
            checksum &+= occurrence.instant.secondsSinceEpoch
            total += 1
        }
    }
    precondition(checksum != 0)
    return total
}

_ = expandAll(schedules)  // warm the zone tables
let clock = ContinuousClock()
var produced = 0
let elapsed = clock.measure { produced = expandAll(schedules) }
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
let rate = Double(produced) / seconds
print("cadence engine: \(produced) occurrences in \(String(format: "%.3f", seconds)) s = \(Int(rate)) occurrences/s")

// python-dateutil on the same rules (floating times; a fifth of the count to keep the run short).
let python = """
    import sys, time, itertools
    from datetime import datetime
    from dateutil.rrule import rrulestr
    rules = sys.argv[2:]
    n = int(sys.argv[1])
    start = datetime(2000, 1, 3)
    t = time.perf_counter(); total = 0
    for r in rules:
        for _ in itertools.islice(rrulestr(r, dtstart=start), n):
            total += 1
    print(total / (time.perf_counter() - t))
    """
let process = Process()
process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
process.arguments = ["python3", "-c", python, String(perCase / 5)] + cases.map(\.rrule)
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
