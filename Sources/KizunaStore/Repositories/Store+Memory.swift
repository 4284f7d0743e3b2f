import GRDB

extension Store {
    /// Frees what SQLite holds between uses: the writer's page cache (large with
    /// `bulkWrites`) and the reader connections, which reopen when next needed (with
    /// `keepsReaders`, their page caches only). A long-lived
    /// process calls it after a burst of work (a planning pass) to stay small while idle.
    public func releaseMemory() {
        pool.releaseMemory()
    }
}
