import CKizunaLinux
import KizunaStore

extension Daemon {
    /// Gives back the memory a planning pass used, so that the idle daemon stays small:
    /// SQLite's page caches (the reader connections stay open, see `Store.Options.keepsReaders`),
    /// then the C heap's free pages, which glibc's allocator keeps for the process until
    /// asked (`malloc_trim(3)`). Runs on the queue, after a pass.
    func releaseMemory() {
        store.releaseMemory()
        malloc_trim(0)
    }
}
