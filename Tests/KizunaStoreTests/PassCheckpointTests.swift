import Foundation
import GRDB
import KizunaCore
import Testing

@testable import KizunaStore

/// A planning pass checkpoints the WAL on another connection, not from its commits.
@Suite("Checkpoints of a pass", .timeLimit(.minutes(5))) struct PassCheckpointTests {
    static let zone = Zone.named("America/New_York")!
    static let now = Instant(iso8601: "2026-11-24T09:30:00-05:00", defaultZone: .utc)!
    static let playbook = try! Sample.dailyPlaybook()

    /// A pass of 100 customers in batches of 10 (small enough that the writer's automatic
    /// checkpoint, at 1,000 pages, would leave its last batches in the WAL). `during` runs
    /// after the first batch is written.
    private func pass(in folder: String, during: (Store) throws -> Void = { _ in }) throws -> (Store, MaterializationResult) {
        let store = try Store(stateDirectory: folder, options: Store.Options(bulkWrites: true))
        let customers = (0..<100).map { index in
            Customer(id: "c\(index)", name: "Customer \(index)", csm: "aiko", stage: "adoption", stageEntered: Self.now.adding(seconds: -86_400 * 40))
        }
        try store.upsert(customers: customers, at: Self.now.adding(seconds: -86_400 * 40))
        let window = PlanningWindow(now: Self.now, zone: Self.zone, horizon: CalendarSpan(14, .day), calendar: .standard)
        let run = PlanningRun(playbooks: [Self.playbook], zone: Self.zone, calendar: .standard, window: window, batchSize: 10)
        var failure: (any Error)?
        let result = try run.run(on: store, now: Self.now) { done, _ in
            guard done == 10 else { return }
            do { try during(store) } catch { failure = error }
        }
        if let failure { throw failure }
        return (store, result)
    }

    private static func taskCount(in store: Store) throws -> Int {
        try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM tasks") ?? 0 }
    }

    @Test func afterAPassTheDatabaseFileHoldsEveryTaskWithoutItsWAL() throws {
        try withTemporaryFolder { folder in
            let (store, result) = try pass(in: folder + "/store")
            #expect(result.created > 1_000)
            // The store is still open, its WAL beside it: the file copied alone has what was checkpointed.
            try FileManager.default.createDirectory(atPath: folder + "/copy", withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: store.path, toPath: folder + "/copy/" + Store.fileName)
            let copy = try Store(stateDirectory: folder + "/copy")
            #expect(try Self.taskCount(in: copy) == result.created)
        }
    }

    @Test func afterAPassTheWriterCheckpointsOnCommitAgain() throws {
        try withTemporaryFolder { folder in
            let (store, _) = try pass(in: folder)
            let pages = try store.pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") }
            #expect(pages == 1_000)
        }
    }

    @Test func anotherConnectionReadsAndWritesDuringAPass() throws {
        try withTemporaryFolder { folder in
            var seen = 0
            _ = try pass(in: folder) { _ in
                let other = try Store(stateDirectory: folder, options: Store.Options(busyTimeout: .seconds(1)))
                seen = try Self.taskCount(in: other)
                try other.write { db in try db.execute(sql: "PRAGMA user_version = 7") }
            }
            #expect(seen > 0)
            let store = try Store(stateDirectory: folder)
            #expect(try store.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == 7)
        }
    }
}
