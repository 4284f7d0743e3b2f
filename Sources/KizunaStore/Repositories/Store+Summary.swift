import GRDB
import KizunaCore

/// The store's figures at a glance, for `kizuna status`.
public struct StoreSummary: Hashable, Sendable, Codable {
    public var customers: Int
    /// Open and snoozed tasks.
    public var openTasks: Int
    /// Pending tasks due today (a snooze moves the due).
    public var dueToday: Int
    /// Pending tasks whose due has passed.
    public var overdue: Int
}

extension Store {
    /// Counts the customers and the pending tasks: due in `today` (`[start, end)`) and due before `now`.
    public func summary(today: Range<Instant>, now: Instant) throws(StoreError) -> StoreSummary {
        try read { db in
            let pending = "SELECT count(*) FROM tasks WHERE state IN ('open', 'snoozed')"
            return StoreSummary(
                customers: try Int.fetchOne(db, sql: "SELECT count(*) FROM customers") ?? 0,
                openTasks: try Int.fetchOne(db, sql: pending) ?? 0,
                dueToday: try Int.fetchOne(
                    db, sql: pending + " AND due_effective >= ? AND due_effective < ?",
                    arguments: [today.lowerBound.secondsSinceEpoch, today.upperBound.secondsSinceEpoch]) ?? 0,
                overdue: try Int.fetchOne(db, sql: pending + " AND due_effective < ?", arguments: [now.secondsSinceEpoch]) ?? 0)
        }
    }
}
