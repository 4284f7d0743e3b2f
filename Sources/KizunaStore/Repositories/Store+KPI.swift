import GRDB
import KizunaCore

extension Store {
    /// What the KPIs of `[start, end)` need, read in one snapshot: every customer's stage and
    /// account history, the NPS answers of the window, and the tasks that fell due in it or
    /// were still open at some moment of it.
    public func kpiHistory(from start: Instant, to end: Instant) throws(StoreError) -> KPIHistory {
        try read { db in
            var stages: [String: [CustomerHistory.StageEntry]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT customer, stage, entered_at FROM stage_history") {
                stages[row["customer"], default: []].append(.init(row["stage"], at: Instant(secondsSinceEpoch: row["entered_at"])))
            }
            var values: [String: [CustomerHistory.AccountValue]] = [:]
            for row in try AccountHistoryRow.fetchAll(db, sql: "SELECT customer, at, arr, seats FROM account_history") {
                values[row.customer, default: []].append(.init(at: Instant(secondsSinceEpoch: row.at), arr: row.arr, seats: row.seats))
            }
            let customers = try Row.fetchAll(db, sql: "SELECT id, customer_since FROM customers ORDER BY id").map { row in
                let id: String = row["id"]
                let since: Int64? = row["customer_since"]
                return CustomerHistory(
                    id: id, since: since.map(Instant.init(secondsSinceEpoch:)), stages: stages[id] ?? [], values: values[id] ?? [])
            }
            let window: StatementArguments = [start.secondsSinceEpoch, end.secondsSinceEpoch]
            let answers = try Row.fetchAll(
                db, sql: "SELECT customer, value, at FROM signals WHERE metric = ? AND at >= ? AND at < ?",
                arguments: [KPICalculator.npsMetric] + window
            ).map { row in NPSAnswer(customer: row["customer"], score: row["value"], at: Instant(secondsSinceEpoch: row["at"])) }
            let tasks = try Row.fetchAll(
                db,
                sql: """
                    SELECT owner_effective, due_effective, created_at, state, closed_at FROM tasks
                    WHERE due_effective < ?2 AND (due_effective >= ?1 OR closed_at IS NULL OR closed_at >= ?1)
                    """,
                arguments: window
            ).map(Self.taskOutcome)
            return KPIHistory(customers: customers, npsAnswers: answers, tasks: tasks)
        }
    }

    private static func taskOutcome(_ row: Row) -> TaskOutcome {
        let end: TaskOutcome.End =
            switch TaskState(rawValue: row["state"]) {
            case .done: .done
            case .skipped: .skipped
            case .cancelled: .cancelled
            case .open, .snoozed, nil: .pending
            }
        let closed: Int64? = row["closed_at"]
        return TaskOutcome(
            owner: row["owner_effective"], due: Instant(secondsSinceEpoch: row["due_effective"]),
            createdAt: Instant(secondsSinceEpoch: row["created_at"]), end: end, closedAt: closed.map(Instant.init(secondsSinceEpoch:)))
    }
}
