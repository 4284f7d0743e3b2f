import GRDB

/// Kizuna's state in one SQLite file: customers and their stage history, health signals,
/// materialized tasks with their events and reminders, and pauses.
///
/// Every method is synchronous and safe to call from any thread; reads run concurrently
/// (WAL), writes run one at a time, each in one immediate transaction, so several
/// processes can share the file. Every failure is a `StoreError` naming the file.
public final class Store: Sendable {
    /// The database file.
    public let path: String
    let pool: DatabasePool
    /// The checkpoints of a `writingSeries`, on a connection of their own.
    let checkpoints: BackgroundCheckpoints

    /// The actor recorded on the engine's own events (created, moved, cancelled).
    public static let engineActor = "kizuna"

    /// The file name of the store inside a state directory.
    public static let fileName = "kizuna.sqlite"

    /// How a store is opened.
    public struct Options: Sendable {
        /// How long a write waits for another process's transaction before failing with `.busy`.
        public var busyTimeout: Duration
        /// Open without writing: no folder or file is created, and the store's connections
        /// only read. A store an older version wrote is first upgraded through a connection
        /// of its own, when the file is writable.
        public var readOnly: Bool
        /// The process writes through much of the store (a planning pass): its writing
        /// connection gets a page cache large enough for the indexes a pass updates.
        public var bulkWrites: Bool
        /// The process lives long and idles between bursts of work (the daemon): its reader
        /// connections stay open, and `releaseMemory()` frees their caches instead of closing
        /// them. (Closing one disposes of its dispatch queue, which on Linux starts
        /// libdispatch's worker monitor: a timer that then wakes the process every second.)
        public var keepsReaders: Bool

        public init(busyTimeout: Duration = .seconds(5), readOnly: Bool = false, bulkWrites: Bool = false, keepsReaders: Bool = false) {
            self.busyTimeout = busyTimeout
            self.readOnly = readOnly
            self.bulkWrites = bulkWrites
            self.keepsReaders = keepsReaders
        }
    }

    /// Opens the store at `path`, creating the file and its folder when missing (unless
    /// read-only) and bringing its schema up to date.
    ///
    /// - Throws: `.cannotOpen`, `.busy`, `.corrupt`, `.readOnly`, `.newerSchema` when a newer
    ///   Kizuna wrote it, `.olderSchema` when a read-only store needs a migration and this
    ///   process cannot write the file to apply it, `.notFound`
    ///   when a read-only store does not exist.
    public init(path: String, options: Options = Options()) throws(StoreError) {
        self.path = path
        pool = try StoreOpening(path: path, options: options).open()
        checkpoints = BackgroundCheckpoints(path: path)
    }

    /// Opens `kizuna.sqlite` in `stateDirectory` (the daemon's `StateDirectory=`).
    public convenience init(stateDirectory: String, options: Options = Options()) throws(StoreError) {
        let separator = stateDirectory.hasSuffix("/") ? "" : "/"
        try self.init(path: stateDirectory + separator + Self.fileName, options: options)
    }

    /// Runs `body` on a reader connection, in a snapshot of the store.
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
    }

    /// Runs `body` in one immediate write transaction, committed when it returns and
    /// rolled back when it throws.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.write(body)
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
    }
}
