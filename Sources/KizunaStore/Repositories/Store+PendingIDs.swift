import GRDB
import KizunaCore

extension Store {
    /// The ids of the pending (open or snoozed) tasks of `customers` whose planned start lies in `[from, to)`.
    public func pendingTaskIDs(customers: Set<String>, startingFrom from: Instant, to: Instant) throws(StoreError) -> Set<TaskID> {
        try read { db in
            Self.ids(of: try pendingTasks(startingFrom: from, to: to, customers: customers, playbooks: nil, in: db))
        }
    }

    /// The ids of `tasks`.
    static func ids(of tasks: some Sequence<PendingTask>) -> Set<TaskID> {
        Set(tasks.compactMap { TaskID(hex: $0.id) })
    }
}
