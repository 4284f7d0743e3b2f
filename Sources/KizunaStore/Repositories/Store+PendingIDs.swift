import GRDB
import KizunaCore

extension Store {
    /// The ids of the pending (open or snoozed) tasks of `customers` whose planned start lies in `[from, to)`.
    public func pendingTaskIDs(customers: Set<String>, startingFrom from: Instant, to: Instant) throws(StoreError) -> Set<TaskID> {
        try read { db in
            let ids = try String.fetchAll(
                db,
                sql: """
                    SELECT id FROM tasks WHERE customer IN (SELECT value FROM json_each(?))
                    AND start >= ? AND start < ? AND state IN ('open', 'snoozed')
                    """,
                arguments: [JSONColumn.encode(customers.sorted()), from.secondsSinceEpoch, to.secondsSinceEpoch])
            return Set(ids.compactMap(TaskID.init(hex:)))
        }
    }
}
