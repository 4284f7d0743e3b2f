import GRDB
import KizunaCore

extension Store {
    /// What `materialize(planned:from:to:customers:playbooks:now:reasons:)` would change, read in one
    /// snapshot and written nowhere: the tasks it would create (unless paused), move, update
    /// and cancel. Reminder changes alone are not listed.
    public func preview(
        planned: [PlannedTask], from: Instant, to: Instant, customers: Set<String>, playbooks: Set<String>? = nil,
        reasons: (StoredTask) -> String
    ) throws(StoreError) -> PlanPreview {
        try read { db in
            var preview = PlanPreview()
            let pausedUntil = try pausedUntil(after: from, in: db)
            let window = try pendingTasks(startingFrom: from, to: to, customers: customers, playbooks: playbooks, in: db)
            // The first task of each id, in the plan's order.
            let comparison = try compare(planned, at: Self.firstOfEachID(planned).sorted(), window: window, in: db)
            for entry in comparison.entries {
                let task = planned[entry.index]
                guard let existing = entry.stored else {
                    if !Self.isPaused(task, pausedUntil: pausedUntil) { preview.created.append(task) }
                    continue
                }
                let row = existing.following(task)
                if row.start != existing.start || row.due != existing.due {
                    preview.moved.append(
                        PlanPreview.Move(
                            task: task, oldStart: Instant(secondsSinceEpoch: existing.start), oldDue: Instant(secondsSinceEpoch: existing.due)))
                } else if row != existing {
                    preview.updated.append(task)
                }
            }
            for row in comparison.dropped {
                preview.cancelled.append(PlanPreview.Cancellation(task: row.storedTask, reason: reasons(row.storedTask)))
            }
            return preview
        }
    }
}
