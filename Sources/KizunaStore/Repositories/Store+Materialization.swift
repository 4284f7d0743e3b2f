import GRDB
import KizunaCore

extension Store {
    /// Brings the stored tasks in line with a plan, in one transaction.
    ///
    /// - Planned tasks the store lacks are stored open (event `created`), with their
    ///   reminders, unless their play is paused for the customer past their start.
    /// - Pending (open or snoozed) tasks follow the plan's dates, title, priority, owner,
    ///   checklist and reminders (event `moved` when the dates change, `updated` otherwise),
    ///   keeping a snooze and a reassignment.
    /// - Done, skipped and cancelled tasks are never touched.
    /// - Pending tasks starting in `[from, to)` (of `customers`, or of every customer when `nil`)
    ///   that the plan no longer produces are cancelled, with the reason `reasons` gives.
    ///
    /// Running it again with the same plan changes nothing, and two processes running it at
    /// once store the same rows: the transactions run one after the other and the second
    /// finds the work done.
    ///
    /// - Parameters:
    ///   - planned: the planner's tasks for the window (tasks outside it are stored too).
    ///   - customers: the customers the plan covers; others' tasks are left alone.
    ///   - now: recorded as the instant of the changes.
    ///   - reasons: why a task the plan dropped is cancelled ("playbook removed", "stage changed to mature").
    @discardableResult
    public func materialize(
        planned: [PlannedTask], from: Instant, to: Instant, customers: Set<String>? = nil, now: Instant,
        reasons: (StoredTask) -> String
    ) throws(StoreError) -> MaterializationResult {
        try write { db in
            var result = MaterializationResult()
            let pauses = try PauseRow.filter(Column("until") > from.secondsSinceEpoch).fetchAll(db)
            // (playbook, customer) is the table's primary key, so the keys are unique.
            let pausedUntil = Dictionary(uniqueKeysWithValues: pauses.map { ("\($0.playbook)\u{0}\($0.customer)", $0.until) })
            var plannedIDs = Set<String>()
            for task in planned where plannedIDs.insert(task.id.hex).inserted {
                if let existing = try TaskRow.find(db, key: task.id.hex) {
                    if try follow(task, existing: existing, now: now, in: db) {
                        result.updated += 1
                    } else {
                        result.unchanged += 1
                    }
                } else if let until = pausedUntil["\(task.playbook)\u{0}\(task.customer)"], task.start.secondsSinceEpoch < until {
                    result.paused += 1
                } else {
                    try TaskRow(task, at: now).insert(db)
                    try TaskEventRow(task: task.id.hex, kind: .created, actor: Self.engineActor, at: now, note: nil).insert(db)
                    for reminder in task.reminders { try ReminderRow(reminder, of: task.id).insert(db) }
                    result.created += 1
                }
            }
            for row in try pendingTasks(startingFrom: from, to: to, customers: customers, in: db)
            where !plannedIDs.contains(row.id) {
                try cancel(row, reason: reasons(row.storedTask), actor: Self.engineActor, at: now, in: db)
                result.cancelled += 1
            }
            return result
        }
    }

    /// Updates a stored task to follow its plan when it is pending and the plan changed;
    /// returns whether anything was written.
    private func follow(_ task: PlannedTask, existing: TaskRow, now: Instant, in db: Database) throws -> Bool {
        guard existing.taskState.isPending else { return false }
        let remindersChanged = try syncReminders(of: task, in: db)
        var row = existing.following(task)
        guard row != existing || remindersChanged else { return false }
        row.updatedAt = now.secondsSinceEpoch
        try row.update(db)
        let moved = row.start != existing.start || row.due != existing.due
        let note = moved ? existing.moveDescription(to: row) : existing.changedFields(to: row, remindersChanged: remindersChanged)
        try TaskEventRow(task: row.id, kind: moved ? .moved : .updated, actor: Self.engineActor, at: now, note: note).insert(db)
        return true
    }

    /// Makes the stored reminders of `task` the planned ones; returns whether any changed.
    private func syncReminders(of task: PlannedTask, in db: Database) throws -> Bool {
        let stored = try ReminderRow.filter(Column("task") == task.id.hex).fetchAll(db)
        let planned = task.reminders.map { ReminderRow($0, of: task.id) }
        guard Set(stored) != Set(planned) else { return false }
        let kept = Set(planned.map { [$0.timing, $0.recipient] })
        for row in stored where !kept.contains([row.timing, row.recipient]) {
            try db.execute(
                sql: "DELETE FROM reminders WHERE task = ? AND timing = ? AND recipient = ?",
                arguments: [row.task, row.timing, row.recipient])
        }
        for row in planned {
            try db.execute(
                sql: """
                    INSERT INTO reminders (task, instant, recipient, timing, channel) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (task, timing, recipient) DO UPDATE SET instant = excluded.instant, channel = excluded.channel
                    """,
                arguments: [row.task, row.instant, row.recipient, row.timing, row.channel])
        }
        return true
    }

    /// The pending tasks whose planned start lies in `[from, to)`, of `customers` or of all.
    private func pendingTasks(startingFrom from: Instant, to: Instant, customers: Set<String>?, in db: Database) throws
        -> [TaskRow]
    {
        let pending = "state IN ('open', 'snoozed') AND start >= ? AND start < ?"
        let range: StatementArguments = [from.secondsSinceEpoch, to.secondsSinceEpoch]
        guard let customers else {
            return try TaskRow.fetchAll(db, sql: "SELECT * FROM tasks WHERE \(pending)", arguments: range)
        }
        // One statement for any number of customers: the ids travel as one JSON array.
        return try TaskRow.fetchAll(
            db, sql: "SELECT * FROM tasks WHERE customer IN (SELECT value FROM json_each(?)) AND \(pending)",
            arguments: [JSONColumn.encode(customers.sorted())] + range)
    }

    /// Cancels a pending task, recording why.
    func cancel(_ row: TaskRow, reason: String, actor: String, at: Instant, in db: Database) throws {
        var row = row
        row.state = TaskState.cancelled.rawValue
        row.snoozedUntil = nil
        row.note = reason
        row.closedAt = at.secondsSinceEpoch
        row.updatedAt = at.secondsSinceEpoch
        try row.update(db)
        try TaskEventRow(task: row.id, kind: .cancelled, actor: actor, at: at, note: reason).insert(db)
    }
}
