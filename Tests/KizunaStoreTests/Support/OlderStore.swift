import GRDB

@testable import KizunaStore

/// Writes a store file at `path` as an older build left it: in WAL mode, migrated up to
/// `migration` and filled by `fill`.
func writeOlderStore(at path: String, migratedUpTo migration: String, fill: (Database) throws -> Void) throws {
    let queue = try DatabaseQueue(path: path)
    try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
    try Migrations.migrator.migrate(queue, upTo: migration)
    try queue.write(fill)
    try queue.close()
}

/// Runs `body` with the path of a store file as an older build left it (see
/// `writeOlderStore`), in a temporary folder removed afterwards.
func withOlderStore<T>(migratedUpTo migration: String, fill: (Database) throws -> Void, _ body: (String) throws -> T) throws -> T {
    try withTemporaryFolder { folder in
        let path = folder + "/kizuna.sqlite"
        try writeOlderStore(at: path, migratedUpTo: migration, fill: fill)
        return try body(path)
    }
}
