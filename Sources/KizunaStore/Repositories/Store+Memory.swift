import GRDB

extension Store {
    /// Frees the memory SQLite's connections hold (their page caches), as a long-running
    /// process does between planning passes to stay small while idle.
    public func releaseMemory() {
        pool.releaseMemory()
    }
}
