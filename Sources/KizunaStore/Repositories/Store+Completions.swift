import GRDB
import KizunaCore

extension Store {
    /// What the planner needs of the done tasks (of every customer, or of `customers`): the
    /// latest completion of each play for each customer, aggregated by SQLite over the
    /// `tasks_done` index (one row per play and customer, however long the history), and the
    /// completion of each done task of `playbooksDatedByTask` only: the plays with a step that
    /// starts after the previous one (`Completions.playbooksDatedByTask(in:)`).
    public func completions(customers: Set<String>? = nil, playbooksDatedByTask: Set<String>) throws(StoreError)
        -> Completions
    {
        try read { db in
            var completions = Completions()
            let customerArguments: StatementArguments = customers.map { [JSONColumn.encode($0.sorted())] } ?? []
            let latest = try Row.fetchCursor(
                db, sql: Self.latestCompletionsSQL(customerFilter: customers != nil), arguments: customerArguments)
            while let row = try latest.next() {
                guard let at: Int64 = row["at"] else { continue }
                completions.record(latest: Instant(secondsSinceEpoch: at), playbook: row["playbook"], customer: row["customer"])
            }
            guard !playbooksDatedByTask.isEmpty else { return completions }
            let tasks = try Row.fetchCursor(
                db, sql: Self.taskCompletionsSQL(customerFilter: customers != nil),
                arguments: [JSONColumn.encode(playbooksDatedByTask.sorted())] + customerArguments)
            while let row = try tasks.next() {
                guard let id = TaskID(hex: row["id"]) else { continue }
                completions.record(task: id, at: Instant(secondsSinceEpoch: row["closed_at"]))
            }
            return completions
        }
    }

    /// The latest `closed_at` of each play's done tasks for each customer. `max` skips a
    /// missing `closed_at`; a pair with none comes back as NULL.
    static func latestCompletionsSQL(customerFilter: Bool) -> String {
        """
        SELECT playbook, customer, max(closed_at) AS at FROM tasks
        WHERE state = 'done'\(customerFilter ? doneCustomerFilter : "") GROUP BY playbook, customer
        """
    }

    /// The done tasks of the playbooks named by a JSON array.
    static func taskCompletionsSQL(customerFilter: Bool) -> String {
        """
        SELECT id, closed_at FROM tasks
        WHERE state = 'done' AND closed_at IS NOT NULL AND playbook IN (SELECT value FROM json_each(?))\
        \(customerFilter ? doneCustomerFilter : "")
        """
    }

    /// Keeps the customers named by a JSON array.
    private static let doneCustomerFilter = " AND customer IN (SELECT value FROM json_each(?))"
}
