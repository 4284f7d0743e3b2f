import Foundation
import GRDB

/// Turns between writers of several processes. SQLite lets one write transaction at a time
/// and gives no turns: a write that finds the store locked sleeps and tries again, and
/// SQLite's own busy handler (`sqlite3_busy_timeout`) sleeps up to 100 ms between tries. A
/// planning pass commits batch after batch with next to no time between two transactions,
/// so a write waiting that way (`kizuna done` during `kizuna plan`) would almost never find
/// the store free and fail after its busy timeout. Kizuna's writes therefore try again every
/// millisecond, and a pass pauses a few of those milliseconds between two transactions.
extension Store {
    /// How long a write that finds the store locked sleeps before trying again.
    static let busyRetryInterval = Duration.milliseconds(1)

    /// The pause a series of transactions leaves between two of them: long enough for a
    /// write waiting with `busyRetryInterval` to try, with room for its thread to be
    /// scheduled late on a busy machine.
    static let writerTurn = Duration.milliseconds(4)

    /// The busy handler of a store's connections: tries again every `busyRetryInterval`
    /// until `timeout` has been spent waiting, then fails with `SQLITE_BUSY`.
    static func busyMode(timeout: Duration) -> Database.BusyMode {
        let tries = Int(timeout / busyRetryInterval)
        let interval = busyRetryInterval
        return .callback { numberOfTries in
            guard numberOfTries < tries else { return false }
            sleep(for: interval)
            return true
        }
    }

    /// Leaves the store free for `writerTurn`, so that a write of another process waiting
    /// for it gets in: called between two transactions of a series (the batches of a pass).
    public func leaveTurnToWaitingWriters() {
        Self.sleep(for: Self.writerTurn)
    }

    private static func sleep(for duration: Duration) {
        let (seconds, attoseconds) = duration.components
        usleep(useconds_t(seconds * 1_000_000 + attoseconds / 1_000_000_000_000))
    }
}
