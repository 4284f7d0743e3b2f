import GRDB
import KizunaCore

extension Store {
    /// The reason recorded on the tasks a move to `churned` cancels.
    public static let churnedReason = "customer churned"

    /// Applies stage changes in one transaction: each moves its customer (recorded in the
    /// stage history with its cause), and a move to `churned` cancels every pending task of
    /// the customer, since churn ends all plays.
    public func apply(stageChanges: [StageChange], now: Instant) throws(StoreError) {
        guard !stageChanges.isEmpty else { return }
        try write { db in
            for change in stageChanges {
                guard var row = try CustomerRow.find(db, key: change.customer) else {
                    throw StoreError(.notFound, "no customer `\(change.customer)` in the store at \(path); import it first")
                }
                guard row.stage != change.stage else { continue }
                row.stage = change.stage
                row.stageEntered = change.at.secondsSinceEpoch
                try row.update(db)
                try StageHistoryRow(
                    customer: row.id, stage: change.stage, enteredAt: change.at.secondsSinceEpoch, cause: change.cause,
                    recordedAt: now.secondsSinceEpoch
                ).insert(db)
                guard change.stage == Lifecycle.churned else { continue }
                for task in try TaskRow.fetchAll(
                    db, sql: "SELECT * FROM tasks WHERE customer = ? AND state IN ('open', 'snoozed')", arguments: [row.id])
                {
                    try cancel(task, reason: Self.churnedReason, actor: Self.engineActor, at: now, in: db)
                }
            }
        }
    }
}
