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
            let tasks = uniqueTasks(planned)
            let stored = try storedTasks(of: tasks, in: db)
            for task in tasks {
                guard let existing = stored[task.id.hex] else {
                    if !Self.isPaused(task, pausedUntil: pausedUntil) { preview.created.append(task) }
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
            let plannedIDs = Set(tasks.map(\.id.hex))
            let pending = try pendingTasks(startingFrom: from, to: to, customers: customers, playbooks: playbooks, in: db)
            for row in pending where !plannedIDs.contains(row.id) {
                preview.cancelled.append(PlanPreview.Cancellation(task: row.storedTask, reason: reasons(row.storedTask)))
            }
            return preview
        }
    }
}
