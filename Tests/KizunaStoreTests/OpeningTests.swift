import Foundation
import GRDB
import KizunaCore
import KizunaStore
import Testing

@Suite("Opening a store")
struct OpeningTests {
    @Test("a missing store is created with its folders, in WAL mode, fully migrated")
    func createsAndMigrates() throws {
        try withTemporaryFolder { folder in
            let store = try Store(stateDirectory: folder + "/state/kizuna")
            #expect(store.path == folder + "/state/kizuna/kizuna.sqlite")
            let (migrations, journal, pageSize, tables) = try DatabaseQueue(path: store.path).read { db throws in
                (
                    try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"),
                    try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                    try Int.fetchOne(db, sql: "PRAGMA page_size"),
                    try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                )
            }
            #expect(
                migrations == [
                    "v1", "v2-delivery", "v3-kpi", "v4-health", "v5-planning", "v6-planning-speed", "v7-plan-digest", "v8-first-plan",
                    "v9-lean-rows", "v10-one-pending-index",
                ])
            #expect(journal == "wal")
            #expect(pageSize == 8_192)
            for table in [
                "customers", "stage_history", "signals", "tasks", "task_events", "pauses", "reminders", "deliveries", "digest_runs",
                "digest_deliveries", "health_scores", "trigger_firings",
            ] {
                #expect(tables.contains(table), "missing table \(table)")
            }
        }
    }

    @Test("a store created with SQLite's default pages keeps them, and is migrated and written")
    func keepsItsPageSize() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/kizuna.sqlite"
            try DatabaseQueue(path: path).writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA page_size = 4096; PRAGMA journal_mode = WAL")
                try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            }
            try Store(stateDirectory: folder).upsert(customers: [Sample.customer("acme")], at: Sample.monday)
            let store = try Store(stateDirectory: folder)
            #expect(try store.customers().map(\.id) == ["acme"])
            #expect(try DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") } == 4_096)
        }
    }

    @Test("reopening keeps the data and runs no migration again")
    func reopens() throws {
        try withTemporaryFolder { folder in
            try Store(stateDirectory: folder).upsert(customers: [Sample.customer("acme")], at: Sample.monday)
            let store = try Store(stateDirectory: folder)
            #expect(try store.customers().map(\.id) == ["acme"])
        }
    }

    @Test("a store written by a newer version is refused, naming the migration")
    func refusesNewerSchema() throws {
        try withTemporaryFolder { folder in
            let path = try Store(stateDirectory: folder).path
            try DatabaseQueue(path: path).write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v2-from-the-future')")
            }
            let error = #expect(throws: StoreError.self) { try Store(path: path) }
            #expect(error?.code == .newerSchema)
            #expect(
                error?.message
                    == "the store at \(path) was written by a newer version of Kizuna (migration `v2-from-the-future`); upgrade kizuna")
        }
    }

    @Test("a file that is not a database is reported as corrupt, not a crash")
    func corruptFile() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/kizuna.sqlite"
            try Data(String(repeating: "not a database, just some text\n", count: 200).utf8).write(to: URL(fileURLWithPath: path))
            let error = #expect(throws: StoreError.self) { try Store(path: path) }
            #expect(error?.code == .corrupt)
            #expect(error?.message.contains(path) == true)
            #expect(error?.message.contains("restore it from a backup") == true)
        }
    }

    // Tests run as root, for whom file permissions do not stop writes; opening read-only
    // makes SQLite itself refuse them, which is the path a non-root user of a 0444 file takes too.
    @Test("a read-only store reads, and refuses writes with a clear error")
    func readOnly() throws {
        try withTemporaryFolder { folder in
            let path = try Store(stateDirectory: folder).path
            try Store(path: path).upsert(customers: [Sample.customer("acme")], at: Sample.monday)
            let store = try Store(path: path, options: Store.Options(readOnly: true))
            #expect(try store.customer(id: "acme")?.name == "Customer acme")
            let error = #expect(throws: StoreError.self) {
                try store.upsert(customers: [Sample.customer("beta")], at: Sample.monday)
            }
            #expect(error?.code == .readOnly)
            #expect(error?.message.contains(path) == true)
        }
    }

    @Test("a missing store opened read-only is not created")
    func readOnlyMissing() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/kizuna.sqlite"
            let error = #expect(throws: StoreError.self) { try Store(path: path, options: Store.Options(readOnly: true)) }
            #expect(error?.code == .notFound)
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }

    @Test("a store another connection holds exclusively fails after the busy timeout")
    func locked() throws {
        try withTemporaryFolder { folder in
            let store = try Store(stateDirectory: folder, options: Store.Options(busyTimeout: .milliseconds(200)))
            let other = try DatabaseQueue(path: store.path)
            try other.writeWithoutTransaction { db in
                try db.execute(sql: "BEGIN EXCLUSIVE")
                defer { try? db.execute(sql: "ROLLBACK") }
                let clock = ContinuousClock()
                let started = clock.now
                let error = #expect(throws: StoreError.self) {
                    try store.upsert(customers: [Sample.customer("acme")], at: Sample.monday)
                }
                #expect(error?.code == .busy)
                #expect(error?.message.contains(store.path) == true)
                #expect(clock.now - started >= .milliseconds(150))
            }
            try store.upsert(customers: [Sample.customer("acme")], at: Sample.monday)
            #expect(try store.customers().count == 1)
        }
    }

    @Test("a folder that cannot be created is reported with the path")
    func cannotCreateFolder() throws {
        try withTemporaryFolder { folder in
            let file = folder + "/plain-file"
            try Data("x".utf8).write(to: URL(fileURLWithPath: file))
            let error = #expect(throws: StoreError.self) { try Store(stateDirectory: file + "/state") }
            #expect(error?.code == .cannotOpen)
            #expect(error?.message.contains(file + "/state/kizuna.sqlite") == true)
        }
    }

    @Test("a folder where the file should be is refused")
    func folderInsteadOfFile() throws {
        try withTemporaryFolder { folder in
            let error = #expect(throws: StoreError.self) { try Store(path: folder) }
            #expect(error?.code == .cannotOpen)
        }
    }
}
