import GRDB

extension Store {
    /// Runs `body`, a series of write transactions, with the WAL checkpointed off the writer's
    /// path: this process's writing connection does not checkpoint when it commits, and
    /// `checkpointAfterCommit()` after each transaction starts a checkpoint on another
    /// connection instead. When `body` returns (or throws) the WAL is checkpointed and the
    /// writing connection checkpoints on commit again, as outside a series.
    public func writingSeries<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        let pages = try automaticCheckpoint(pages: 0)
        defer {
            _ = try? automaticCheckpoint(pages: pages)
            checkpoints.finish()
        }
        return try body()
    }

    /// Called after each transaction of a `writingSeries`: starts a checkpoint of what is
    /// committed on another connection and returns at once, unless the WAL has grown past
    /// `walSizeLimit`.
    ///
    /// SQLite writes the WAL from its start again only when a transaction begins with every
    /// frame checkpointed; a checkpoint running while the next transaction begins leaves the
    /// WAL growing. So once the last checkpoint found it past `walSizeLimit`, this waits for a
    /// checkpoint of everything: the next transaction starts the WAL afresh, and the WAL stays
    /// within about `walSizeLimit` and two transactions' writes.
    public func checkpointAfterCommit() {
        if checkpoints.walSize > Self.walSizeLimit { checkpoints.finish() } else { checkpoints.start() }
    }

    /// Sets the WAL size, in pages, past which the writing connection checkpoints on commit
    /// (0: never); returns the size before.
    private func automaticCheckpoint(pages: Int) throws(StoreError) -> Int {
        do {
            return try pool.writeWithoutTransaction { db in
                let before = try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") ?? 0
                try db.execute(sql: "PRAGMA wal_autocheckpoint = \(pages)")
                return before
            }
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
    }
}

extension Store {
    /// The size in bytes past which a `writingSeries` waits for a checkpoint so the WAL starts
    /// afresh, and to which the writer cuts a larger WAL back when it starts it afresh
    /// (`PRAGMA journal_size_limit`).
    static let walSizeLimit = 128 << 20
}
