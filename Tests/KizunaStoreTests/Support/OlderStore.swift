import GRDB

@testable import KizunaStore

/// Runs `body` with the path of a store file as an older build left it: migrated up to
/// `migration` and filled by `fill`, in a temporary folder removed afterwards.
func withOlderStore<T>(migratedUpTo migration: String, fill: (Database) throws -> Void, _ body: (String) throws -> T) throws -> T {
    try withTemporaryFolder { folder in
        let path = folder + "/kizuna.sqlite"
        let queue = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(queue, upTo: migration)
        try queue.write(fill)
        try queue.close()
        return try body(path)
    }
}
