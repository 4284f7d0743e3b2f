import GRDB

/// Tells the transactions of a series (the batches of a planning pass) whether anything but
/// the series wrote to the store between them, so that what was read outside a transaction,
/// ahead of it, can stand for what the transaction would read.
///
/// Another process's commit changes `PRAGMA data_version` on the writing connection (see
/// `externalChangeCounter()`); another write of this process, on that same connection,
/// changes its count of changed rows. Each transaction compares both with their values at
/// the end of the one before.
final class OutsideWrites {
    /// How many of the gaps before the series' transactions so far something else wrote in.
    private(set) var count = 0
    private var last: Position?

    private struct Position: Equatable {
        var dataVersion: Int
        var changes: Int
    }

    /// Notes the store as the series finds it, before it reads anything.
    func start(on store: Store) throws(StoreError) {
        do {
            last = try store.pool.writeWithoutTransaction { db in try Self.position(in: db) }
        } catch {
            throw StoreError.wrapping(error, path: store.path)
        }
    }

    /// Called first in each transaction of the series: counts the gap before it if something
    /// else wrote in it.
    func begin(in db: Database) throws {
        if try Self.position(in: db) != last { count += 1 }
    }

    /// Called last in each transaction of the series.
    func end(in db: Database) throws {
        last = try Self.position(in: db)
    }

    private static func position(in db: Database) throws -> Position {
        Position(dataVersion: try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0, changes: db.totalChangesCount)
    }
}
