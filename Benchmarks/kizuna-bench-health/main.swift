// Times health and trigger evaluation on a store that scripts/bench-health.sh filled
// (100,000 customers with a year of daily signals), in one process:
//
//   swift build -c release --product kizuna-bench-health
//   .build/release/kizuna-bench-health CONFIG [runs]
//
// CONFIG is a kizuna.yaml with health.yaml (and lifecycle.yaml) beside it. The clock is
// pinned at 2026-11-24T09:30:00-05:00, the day after the generated signals end.
import Foundation
import KizunaCore
import KizunaStore

let arguments = CommandLine.arguments.dropFirst()
guard let configPath = arguments.first else {
    FileHandle.standardError.write(Data("usage: kizuna-bench-health CONFIG [runs]\n".utf8))
    exit(64)
}
let runs = arguments.dropFirst().first.flatMap(Int.init) ?? 20
let now = Instant(iso8601: "2026-11-24T09:30:00-05:00", defaultZone: .utc)!

/// Milliseconds since `start`.
func elapsed(since start: ContinuousClock.Instant) -> Double {
    let (seconds, attoseconds) = (ContinuousClock.now - start).components
    return Double(seconds) * 1e3 + Double(attoseconds) / 1e15
}

/// The CPU time this thread has used, in milliseconds: on a shared machine it counts the
/// work done, where the wall time also counts the waits for a core.
func threadCPU() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) * 1e3 + Double(time.tv_nsec) / 1e6
}

/// `median 4.1 ms, max 6.0 ms over 20 runs`
func summary(_ times: [Double]) -> String {
    let sorted = times.sorted()
    return String(format: "median %.1f ms, max %.1f ms over %d runs", sorted[sorted.count / 2], sorted.last ?? 0, sorted.count)
}

func loadAverage() -> String {
    (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
}

do {
    let configuration = try ConfigurationLoader.load(path: configPath)
    guard let health = try HealthModelLoader.load(beside: configPath) else { fatalError("no health.yaml beside \(configPath)") }
    let lifecycle = try LifecycleLoader.load(beside: configPath)
    let (playbooks, problems) = PlaybookLoader.load(paths: [configuration.playbooksDirectory], stages: lifecycle.stages)
    guard problems.isEmpty else { fatalError("\(problems)") }
    let store = try Store(stateDirectory: configuration.stateDirectory, options: Store.Options(bulkWrites: true))
    let evaluation = CustomerEvaluation(
        playbooks: playbooks, health: health, lifecycle: lifecycle, zone: configuration.zone, calendar: configuration.calendar)
    let window = PlanningWindow(now: now, zone: configuration.zone, horizon: configuration.horizon, calendar: configuration.calendar)

    print("load average before: \(loadAverage())")
    for run in 1...3 {
        let (start, cpu) = (ContinuousClock.now, threadCPU())
        let scored = try evaluation.recomputeHealth(on: store, now: now)
        print(
            String(
                format: "recompute health of every customer (run %d): %.0f ms wall, %.0f ms CPU, %d customers", run,
                elapsed(since: start), threadCPU() - cpu, scored))
    }
    for run in 1...2 {
        let (start, cpu) = (ContinuousClock.now, threadCPU())
        let summary = try evaluation.evaluate(on: store, now: now, record: false)
        print(
            String(
                format: "evaluate every customer (score, stage, triggers; nothing stored) (run %d): %.0f ms wall, %.0f ms CPU, "
                    + "%d stage changes, %d firings", run, elapsed(since: start), threadCPU() - cpu, summary.stageChanges.count,
                summary.firings.count))
    }
    // One customer's new signal: store it, then its score, stage, triggers and tasks.
    let customers = try store.customers()
    var insert: [Double] = []
    var reevaluate: [Double] = []
    var reevaluateCPU: [Double] = []
    for run in 0..<runs {
        let customer = customers[(run * 7_919) % customers.count]
        let signal = Signal(customer: customer.id, metric: "logins", value: 0, instant: now.adding(seconds: -Int64(run + 1) * 60))
        let start = ContinuousClock.now
        try store.insert(signals: [signal])
        insert.append(elapsed(since: start))
        let (second, cpu) = (ContinuousClock.now, threadCPU())
        try evaluation.reevaluate(customer: customer.id, on: store, window: window, now: now)
        reevaluate.append(elapsed(since: second))
        reevaluateCPU.append(threadCPU() - cpu)
    }
    print("store one new signal: \(summary(insert))")
    print("re-evaluate its customer (score, stage, triggers, tasks): \(summary(reevaluate)) wall")
    print("  the same, CPU time of the evaluating thread: \(summary(reevaluateCPU))")
    print("load average after: \(loadAverage())")
} catch {
    FileHandle.standardError.write(Data("kizuna-bench-health: \(error)\n".utf8))
    exit(1)
}
