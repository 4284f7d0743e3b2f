import GRDB
import KizunaCore

extension Store {
    /// What `materialize(planned:from:to:customers:now:reasons:)` would change, read in one
    /// snapshot and written nowhere: the tasks it would create (unless paused), move, update
    /// and cancel. Reminder changes alone are not listed.
    public func preview(
        planned: [PlannedTask], from: Instant, to: Instant, customers: Set<String>, reasons: (StoredTask) -> String
    ) throws(StoreError) -> PlanPreview {
        try read { db in
            var preview = PlanPreview()
            let pauses = try PauseRow.filter(Column("until") > from.secondsSinceEpoch).fetchAll(db)
            let pausedUntil = Dictionary(uniqueKeysWithValues: pauses.map { ("\($0.playbook)\u{0}\($0.customer)", $0.until) })
            var plannedIDs = Set<String>()
            for task in planned where plannedIDs.insert(task.id.hex).inserted {
                guard let existing = try TaskRow.find(db, key: task.id.hex) else {
                    let until = pausedUntil["\(task.playbook)\u{0}\(task.customer)"]
                    if until.map({ task.start.secondsSinceEpoch >= $0 }) ?? true { preview.created.append(task) }
                    continue
                }
                guard existing.taskState.isPending else { continue }
                let row = existing.following(task)
                if row.start != existing.start || row.due != existing.due {
                    preview.moved.append(
                        PlanPreview.Move(
                            task: task, oldStart: Instant(secondsSinceEpoch: existing.start), oldDue: Instant(secondsSinceEpoch: existing.due)))
                } else if row != existing {
                    preview.updated.append(task)
                }
            }
            let pending = try TaskRow.fetchAll(
                db,
                sql: """
                    SELECT * FROM tasks WHERE customer IN (SELECT value FROM json_each(?))
                    AND state IN ('open', 'snoozed') AND start >= ? AND start < ?
                    """,
                arguments: [JSONColumn.encode(customers.sorted()), from.secondsSinceEpoch, to.secondsSinceEpoch])
            for row in pending where !plannedIDs.contains(row.id) {
                preview.cancelled.append(PlanPreview.Cancellation(task: row.storedTask, reason: reasons(row.storedTask)))
            }
            return preview
        }
    }
}
