import Foundation
import GRDB
import KizunaCore
import Synchronization
import Testing

@testable import KizunaStore

/// Stores written by an older version: one that stopped at `v4-health`, before the planning indexes were trimmed.
@Suite("A store written by an older version")
struct OlderStoreTests {
    /// A store file migrated up to `v4-health` only, holding one customer.
    static func olderStore(in folder: String) throws -> String {
        let path = folder + "/kizuna.sqlite"
        try writeOlderStore(at: path, migratedUpTo: "v4-health") { db in
            try db.execute(
                sql: "INSERT INTO customers (id, name, csm, stage, stage_entered) VALUES ('acme', 'Acme', 'aiko', 'onboarding', 1799020800)")
        }
        return path
    }

    static func migrations(_ path: String) throws -> [String] {
        try DatabaseQueue(path: path).read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
    }

    @Test("opened read-only, it is upgraded once and then read")
    func readOnlyUpgrades() throws {
        try withTemporaryFolder { folder in
            let path = try Self.olderStore(in: folder)
            #expect(try !Self.migrations(path).contains("v5-planning"))
            let store = try Store(path: path, options: Store.Options(readOnly: true))
            #expect(try store.customer(id: "acme")?.name == "Acme")
            #expect(try Self.migrations(path) == Migrations.migrator.migrations)
            // Still read-only: the upgrade went through its own connection.
            #expect(throws: StoreError.self) { try store.upsert(customers: [Sample.customer("beta")], at: Sample.monday) }
        }
    }

    @Test("connections upgrading it at once all open it, read-only or not")
    func concurrentUpgrades() throws {
        // Several rounds: the connections interleave differently each time.
        for _ in 0..<8 { try concurrentUpgrade() }
    }

    private func concurrentUpgrade() throws {
        try withTemporaryFolder { folder in
            let path = try Self.olderStore(in: folder)
            // Each its own connection, as separate processes would: one migrates, the others wait or find it done.
            let results = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 6) { index in
                let result: String
                do {
                    let store = try Store(path: path, options: Store.Options(readOnly: index % 2 == 0))
                    result = try store.customer(id: "acme")?.name ?? "no customer"
                } catch {
                    result = "\(error)"
                }
                results.withLock { $0.append(result) }
            }
            #expect(results.withLock { $0 } == Array(repeating: "Acme", count: 6))
            #expect(try Self.migrations(path) == Migrations.migrator.migrations)
        }
    }
}
