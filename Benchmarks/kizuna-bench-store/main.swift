// Builds a large store and times the questions Kizuna asks it most.
//
//   swift build -c release --product kizuna-bench-store
//   .build/release/kizuna-bench-store [customers] [tasks] [folder]
//
// Defaults: 100,000 customers, 1,000,000 tasks, a temporary folder removed afterwards.
import Foundation
import GRDB
import KizunaCore
import KizunaStore

let arguments = CommandLine.arguments.dropFirst()
let customerCount = arguments.first.flatMap(Int.init) ?? 100_000
let taskCount = arguments.dropFirst().first.flatMap(Int.init) ?? 1_000_000
let keptFolder = arguments.dropFirst(2).first
let folder = keptFolder ?? NSTemporaryDirectory() + "kizuna-bench-store-" + UUID().uuidString
let ownerCount = 200
let now = Instant(secondsSinceEpoch: 1_799_020_800)  // 2027-01-04T00:00:00Z
let day: Int64 = 86_400

/// `12.3 ms`
func milliseconds(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    return String(format: "%.1f ms", Double(seconds) * 1e3 + Double(attoseconds) / 1e15)
}

/// Runs `body` and prints how long it took.
@discardableResult
func timed<T>(_ label: String, _ body: () throws -> T) rethrows -> (T, Duration) {
    let start = ContinuousClock.now
    let value = try body()
    let elapsed = ContinuousClock.now - start
    print("\(label): \(milliseconds(elapsed))")
    return (value, elapsed)
}

/// Peak resident set size, from /proc/self/status.
func peakRSS() -> String {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
    return line.map { $0.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces) } ?? "unknown"
}

func customers(stage: (Int) -> String) -> [Customer] {
    (0..<customerCount).map { index in
        Customer(
            id: "customer-\(index)", name: "Customer \(index)", csm: "csm-\(index % ownerCount)", teamLead: "lead-\(index % 20)",
            stage: stage(index), stageEntered: now.adding(seconds: -Int64(index % 365) * day), tier: ["smb", "mid", "enterprise"][index % 3],
            arr: Double(1_000 + index % 500 * 1_000), seats: 10 + index % 300, fields: ["region": ["emea", "amer", "apac"][index % 3]])
    }
}

/// The tasks of one customer: spread from 300 days ago to 60 days ahead, as a weekly play would leave them.
func plannedTasks(of index: Int, count: Int) -> [PlannedTask] {
    let customer = "customer-\(index)"
    let owner = "csm-\(index % ownerCount)"
    return (0..<count).map { number in
        let start = now.adding(seconds: -300 * day + Int64((number * 360 / max(count, 1) + index % 7)) * day + 10 * 3600)
        let due = start.adding(seconds: day)
        let occurrence = "occurrence-\(number)"
        return PlannedTask(
            id: TaskID(playbook: "bench-weekly", step: "task", customer: customer, occurrence: occurrence), playbook: "bench-weekly",
            step: "task", customer: customer, occurrence: occurrence, title: "Weekly follow-up: Customer \(index)", owner: owner,
            priority: .medium, start: start, due: due, checklist: ["Review usage", "Agree next steps"],
            reminders: [PlannedReminder(instant: due, recipient: owner, timing: .atDue)], zone: .utc)
    }
}

print("kizuna-bench-store: \(customerCount) customers, \(taskCount) tasks, \(ownerCount) owners, in \(folder)")
let store = try Store(stateDirectory: folder)
defer { if keptFolder == nil { try? FileManager.default.removeItem(atPath: folder) } }

let newCustomers = customers { _ in "onboarding" }
try timed("import \(customerCount) new customers (upsert, one transaction)") {
    try store.upsert(customers: newCustomers, at: now)
}

let perCustomer = taskCount / customerCount
let batch = min(customerCount, max(1, 100_000 / max(perCustomer, 1)))
// Planning the tasks (ids, titles) is timed apart: it is the planner's cost, not the store's.
let clock = ContinuousClock()
var planning = Duration.zero
var storing = Duration.zero
for first in stride(from: 0, to: customerCount, by: batch) {
    let range = first..<min(first + batch, customerCount)
    let planStart = clock.now
    let planned = range.flatMap { plannedTasks(of: $0, count: perCustomer) }
    let storeStart = clock.now
    try store.materialize(
        planned: planned, from: now.adding(seconds: -400 * day), to: now.adding(seconds: 90 * day),
        customers: Set(range.map { "customer-\($0)" }), now: now, reasons: { _ in "bench" })
    planning += storeStart - planStart
    storing += clock.now - storeStart
}
print("materialize \(perCustomer * customerCount) new tasks with reminders (batches of \(batch) customers): \(milliseconds(storing)) (planning them: \(milliseconds(planning)))")

// A store in use has mostly closed tasks behind it: close 95 % of the past ones in one
// statement (one `complete` per task would time the fixture, not the store).
try timed("close 95 % of past tasks (fixture, one UPDATE)") {
    try DatabaseQueue(path: store.path).write { db in
        try db.execute(
            sql: """
                UPDATE tasks SET state = 'done', closed_at = due, updated_at = due
                WHERE due < ? AND abs(random()) % 20 != 0
                """,
            arguments: [now.secondsSinceEpoch])
    }
}

let owner = "csm-42"
var latencies: [Duration] = []
var found = 0
for _ in 0..<20 {
    let (tasks, elapsed) = try timed("  openTasks(dueBefore: now + 1 day, owner: \(owner))") {
        try store.openTasks(dueBefore: now.adding(seconds: day), owner: owner)
    }
    latencies.append(elapsed)
    found = tasks.count
}
latencies.sort()
print("openTasks: \(found) tasks; median \(milliseconds(latencies[latencies.count / 2])), max \(milliseconds(latencies.last!))")

let changedCustomers = customers { $0 % 10 == 0 ? "adoption" : "onboarding" }
try timed("re-import \(customerCount) customers, a tenth changing stage (upsert, one transaction)") {
    try store.upsert(customers: changedCustomers, at: now.adding(seconds: day))
}
try timed("re-materialize one batch unchanged (\(batch * perCustomer) tasks)") {
    let planned = (0..<batch).flatMap { plannedTasks(of: $0, count: perCustomer) }
    try store.materialize(
        planned: planned, from: now.adding(seconds: -400 * day), to: now.adding(seconds: 90 * day),
        customers: Set((0..<batch).map { "customer-\($0)" }), now: now, reasons: { _ in "bench" })
}
let counts = try store.counts()
print("store: \(counts.customers) customers, tasks \(counts.tasks.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ")), \(counts.reminders) reminders")
let size = (try? FileManager.default.attributesOfItem(atPath: store.path)[.size] as? Int) ?? 0
print("database file: \(size / 1_048_576) MiB")
print("peak RSS (VmHWM): \(peakRSS())")
