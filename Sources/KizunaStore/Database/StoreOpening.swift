import Foundation
import GRDB

/// Opens the database file of a store: its folder, the connection pool's configuration,
/// and the schema check and migration.
struct StoreOpening {
    var path: String
    var options: Store.Options

    func open() throws(StoreError) -> DatabasePool {
        try checkFile()
        let pool = try openPool()
        guard try migrate(pool) else { return pool }
        // Upgraded through another connection: open afresh, on the new schema.
        return try openPool()
    }

    private func openPool() throws(StoreError) -> DatabasePool {
        do {
            return try DatabasePool(path: path, configuration: configuration(readOnly: options.readOnly))
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
    }

    private func configuration(readOnly: Bool) -> Configuration {
        var configuration = Configuration()
        configuration.label = "kizuna"
        configuration.foreignKeysEnabled = true
        configuration.readonly = readOnly
        configuration.journalMode = .wal
        configuration.persistentReadOnlyConnections = options.keepsReaders
        configuration.busyMode = Store.busyMode(timeout: options.busyTimeout)
        let (cacheKiB, writerCacheKiB) = (cacheKiB, writerCacheKiB)
        configuration.prepareDatabase { db in
            // The pool's readers are opened read-only; the one writer is not.
            let kiB = db.configuration.readonly ? cacheKiB : writerCacheKiB
            try db.execute(sql: "PRAGMA cache_size = -\(kiB)")
            // Takes effect only on a new file, before its first page is written (the WAL mode
            // that the pool sets next is the first write); a store keeps the size it was
            // created with.
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA page_size = \(Self.newStorePageSize)") }
            // A statement that writes many rows (the multi-row INSERTs of a materialization)
            // keeps a journal of the pages it changes, to undo itself alone on a failure: in
            // memory rather than in a temporary file it spills to after 64 KiB, which wrote
            // every page it touched once more.
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA temp_store = MEMORY") }
            // A WAL grown by a large transaction keeps its size on disk, rewritten from its start
            // after a checkpoint; the writer cuts it back to this size when it restarts it.
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA journal_size_limit = \(Store.walSizeLimit)") }
        }
        return configuration
    }

    /// The page size of a new store, in bytes: twice SQLite's default. A planning pass writes
    /// hundreds of thousands of rows; with larger pages each B-tree has fewer pages to split and
    /// the WAL fewer frames to write. A first plan of 100,000 customers took 0.86 of its time
    /// with 4 KiB pages; 16 KiB pages gained no more.
    static let newStorePageSize = 8_192

    /// The page cache of each connection, in KiB. SQLite's default (2 MiB) spills a large
    /// import or materialization to the WAL halfway and reads it back; 32 MiB, filled only
    /// as used, keeps a 100,000-customer transaction in memory. A read-only command reads
    /// each page of its query about once, so a small cache serves it as well and keeps the
    /// process small: a cache that kept every page `today` reads of a large store would
    /// hold megabytes no one reads again.
    private var cacheKiB: Int {
        options.readOnly ? 1_024 : 32_768
    }

    /// The page cache of the writing connection, in KiB. A planning pass of 100,000 customers
    /// inserts a million rows into the tasks' primary key and indexes (and those of events and
    /// reminders) at random places: once their pages outgrow the cache, each insert evicts a
    /// page it soon reads back, and a pass slows more than the store grows. 256 MiB, filled
    /// only as used, holds them; `bulkWrites` asks for it.
    private var writerCacheKiB: Int {
        options.bulkWrites ? 262_144 : cacheKiB
    }

    /// Makes the folder (read-write) or checks the file exists (read-only), and refuses a folder
    /// where the file should be.
    private func checkFile() throws(StoreError) {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = files.fileExists(atPath: path, isDirectory: &isDirectory)
        if exists, isDirectory.boolValue {
            throw StoreError(.cannotOpen, "cannot open the store at \(path): it is a folder; give the path of a file")
        }
        if options.readOnly {
            guard exists else {
                throw StoreError(.notFound, "there is no store at \(path); run a command that writes to create it")
            }
            return
        }
        let folder = (path as NSString).deletingLastPathComponent
        guard !folder.isEmpty else { return }
        do {
            try files.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw StoreError(
                .cannotOpen,
                "cannot create the folder of the store at \(path) (\(error.localizedDescription)); "
                    + "check that the path is right and its parent folder is writable")
        }
    }

    /// Refuses a store written by a newer version, then applies the migrations it lacks.
    /// A read-only store that lacks some is upgraded through a short-lived writing
    /// connection when the file is writable, so that a read-only command works on a store
    /// an older version wrote; `true` when it was (the read-only pool must be reopened).
    private func migrate(_ pool: DatabasePool) throws(StoreError) -> Bool {
        let migrator = Migrations.migrator
        do {
            let (unknown, complete) = try pool.read { db in
                let known = Set(migrator.migrations)
                let unknown = try migrator.appliedIdentifiers(db).subtracting(known).sorted()
                return (unknown, try migrator.hasCompletedMigrations(db))
            }
            if let newest = unknown.last {
                throw StoreError(
                    .newerSchema,
                    "the store at \(path) was written by a newer version of Kizuna (migration `\(newest)`); upgrade kizuna")
            }
            if complete { return false }
            guard !options.readOnly else {
                guard isWritable else {
                    throw StoreError(
                        .olderSchema,
                        "the store at \(path) was written by an older version of Kizuna and this user cannot write it; "
                            + "open it once read-write (run `kizuna` or `kizunad` with write access) to upgrade it")
                }
                try Self.migrate(DatabaseQueue(path: path, configuration: configuration(readOnly: false)), with: migrator)
                return true
            }
            try Self.migrate(pool, with: migrator)
            return false
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
    }

    /// Applies the migrations the store lacks, each in its own transaction, waiting for
    /// other writers (the busy timeout).
    ///
    /// Another process (a daemon starting, another command) may be upgrading the store at the
    /// same time: then one of ours fails on a change it applied first, and changes nothing. So
    /// a failure is tried again from where the store then is, for as long as some process
    /// makes progress: once the store is complete that is not an error, and a failure that
    /// leaves the applied migrations as they were is one.
    private static func migrate(_ writer: some DatabaseWriter, with migrator: DatabaseMigrator) throws {
        var applied = try writer.read(migrator.appliedIdentifiers)
        while true {
            do {
                return try migrator.migrate(writer)
            } catch {
                let now = try writer.read(migrator.appliedIdentifiers)
                if try writer.read(migrator.hasCompletedMigrations) { return }
                guard now.count > applied.count else { throw error }
                applied = now
            }
        }
    }

    /// Whether this process may write the store's file and create its WAL files beside it.
    private var isWritable: Bool {
        let folder = (path as NSString).deletingLastPathComponent
        return access(path, W_OK) == 0 && access(folder.isEmpty ? "." : folder, W_OK) == 0
    }
}
