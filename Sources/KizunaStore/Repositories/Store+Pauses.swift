import GRDB
import KizunaCore

extension Store {
    /// Pauses a play for one customer until `until` ("on holiday until the 20th"): its pending
    /// tasks starting before then are cancelled, and materialization stores none of its tasks
    /// that start before then. A new pause of the same play and customer replaces the old one.
    ///
    /// - Returns: how many pending tasks were cancelled.
    /// - Throws: `.notFound` when the customer is not in the store, `.invalidInput` when `until` is not after `at`.
    @discardableResult
    public func pause(playbook: String, customer: String, until: Instant, reason: String?, at: Instant, actor: String)
        throws(StoreError) -> Int
    {
        guard until > at else {
            throw StoreError(.invalidInput, "a pause must end after it starts; give an instant later than now")
        }
        return try write { db in
            guard try CustomerRow.find(db, key: customer) != nil else {
                throw StoreError(.notFound, "no customer `\(customer)` in the store at \(path); import it first")
            }
            try PauseRow(
                playbook: playbook, customer: customer, until: until.secondsSinceEpoch, reason: reason, actor: actor,
                at: at.secondsSinceEpoch
            ).save(db)
            let tasks = try TaskRow.fetchAll(
                db,
                sql: """
                    SELECT * FROM tasks
                    WHERE customer = ? AND playbook = ? AND start < ? AND state IN ('open', 'snoozed')
                    """,
                arguments: [customer, playbook, until.secondsSinceEpoch])
            for row in tasks {
                let note = "paused until \(row.iso8601(until.secondsSinceEpoch))" + (reason.map { ": \($0)" } ?? "")
                try cancel(row, reason: note, actor: actor, at: at, in: db)
            }
            return tasks.count
        }
    }
}
