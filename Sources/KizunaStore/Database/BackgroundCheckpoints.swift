import GRDB
import Synchronization

/// WAL checkpoints run on a connection and a thread of their own, while a series of write
/// transactions (the batches of a planning pass) goes on.
///
/// SQLite checkpoints a WAL from the committing connection by default: the commit that takes
/// the WAL past `wal_autocheckpoint` pages also copies them into the database file and
/// syncs it, holding up the next batch. A PASSIVE checkpoint takes no write lock, so another
/// connection runs it beside the writer, on another core, and other processes read and write
/// as before.
final class BackgroundCheckpoints: Sendable {
    private let path: String
    /// The checkpointing connection, opened on first use, with the store's page size: GRDB
    /// runs its work on a serial queue of its own, one checkpoint after the other. Kept for
    /// the store's life, so a daemon does not dispose of a queue after each pass.
    private let connection = Mutex<(queue: DatabaseQueue, pageSize: Int)?>(nil)
    /// The size of the WAL, in bytes, as the last checkpoint found it.
    private let lastWALSize = Mutex(0)

    init(path: String) {
        self.path = path
    }

    /// The size of the WAL, in bytes, as the last checkpoint that finished found it.
    var walSize: Int { lastWALSize.withLock { $0 } }

    /// Starts a passive checkpoint of what is committed and returns at once.
    ///
    /// A checkpoint that fails (another one running, an I/O error) is not reported: it leaves
    /// its frames in the WAL for the next checkpoint, and a series ends with `finish()`.
    func start() {
        guard let (queue, pageSize) = try? opened() else { return }
        queue.asyncWriteWithoutTransaction { [self] db in checkpoint(db, pageSize: pageSize) }
    }

    /// Waits for the checkpoints started, then checkpoints what remains (passively: a reader
    /// of another process still keeps the frames it reads, and the next checkpoint copies them).
    func finish() {
        guard let (queue, pageSize) = try? opened() else { return }
        queue.inDatabase { db in checkpoint(db, pageSize: pageSize) }
    }

    private func checkpoint(_ db: Database, pageSize: Int) {
        guard let frames = try? db.checkpoint(.passive).walFrameCount else { return }
        // A frame is a page and its 24-byte header.
        lastWALSize.withLock { $0 = frames * (pageSize + 24) }
    }

    private func opened() throws -> (queue: DatabaseQueue, pageSize: Int) {
        try connection.withLock { connection in
            if let connection { return connection }
            var configuration = Configuration()
            configuration.label = "kizuna.checkpoints"
            // A checkpoint reads the WAL through the OS's cache, not this connection's.
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -64") }
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            let opened = (queue, try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4_096 })
            connection = opened
            return opened
        }
    }
}
