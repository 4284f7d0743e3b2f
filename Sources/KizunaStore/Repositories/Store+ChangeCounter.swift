import GRDB

extension Store {
    /// A number that changes whenever another process commits to the store: SQLite's
    /// `PRAGMA data_version` on this process's writing connection, which this process's own
    /// commits leave alone. The daemon compares it to tell `kizuna`'s writes from its own.
    public func externalChangeCounter() throws(StoreError) -> Int {
        do {
            return try pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
    }
}
