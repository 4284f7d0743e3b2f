import Dispatch
import GRDB
import KizunaCore
import KizunaStore
import Synchronization
import Testing

@Suite("Two processes materializing at once")
struct ConcurrencyTests {
    /// Plans for 40 customers, 5 tasks each.
    static let plan = (0..<40).flatMap { customer in
        (0..<5).map { index in Sample.task("customer-\(customer)", day: 1 + 5 * index) }
    }

    @Test("two stores on one file, materializing the same plan concurrently, store each row and event once")
    func sameRows() throws {
        try withTemporaryFolder { folder in
            let stores = try (0..<2).map { _ in try Store(stateDirectory: folder) }
            let created = Self.concurrently(stores) { store in try store.materialize(Self.plan).created }
            #expect(created.reduce(0, +) == Self.plan.count)

            let moved = Self.plan.map { task in
                var task = task
                task.due = task.due.adding(seconds: 3600)
                return task
            }
            let updated = Self.concurrently(stores) { store in try store.materialize(moved, now: Sample.at(day: 1)).updated }
            #expect(updated.reduce(0, +) == Self.plan.count)

            let (tasks, events) = try DatabaseQueue(path: stores[0].path).read { db throws in
                (
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM tasks") ?? 0,
                    try Row.fetchAll(db, sql: "SELECT kind, count(*) AS n FROM task_events GROUP BY kind ORDER BY kind")
                        .map { row -> String in "\(row["kind"] as String) \(row["n"] as Int)" }
                )
            }
            #expect(tasks == Self.plan.count)
            // A task's creation is its row; the one move of each is the only stored event.
            #expect(events == ["moved \(Self.plan.count)"])
        }
    }

    /// Runs `body` on each store at the same time, on its own thread; a failure is recorded and counts as 0.
    static func concurrently(_ stores: [Store], _ body: @Sendable (Store) throws -> Int) -> [Int] {
        let results = Mutex([Int](repeating: 0, count: stores.count))
        DispatchQueue.concurrentPerform(iterations: stores.count) { index in
            do {
                let value = try body(stores[index])
                results.withLock { $0[index] = value }
            } catch {
                Issue.record(error)
            }
        }
        return results.withLock { $0 }
    }
}
