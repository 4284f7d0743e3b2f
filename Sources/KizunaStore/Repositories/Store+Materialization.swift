import GRDB
import KizunaCore

extension Store {
    /// Brings the stored tasks in line with a plan, in one transaction.
    ///
    /// - Planned tasks the store lacks are stored open (their `created_at` is their `created`
    ///   event), with their reminders, unless their play is paused for the customer past their start.
    /// - Pending (open or snoozed) tasks follow the plan's dates, title, priority, owner,
    ///   checklist and reminders (event `moved` when the dates change, `updated` otherwise),
    ///   keeping a snooze and a reassignment. Each records the digest of the plan it follows
    ///   (`PlannedTask.planDigest`): a task whose digest is the plan's is not read again.
    /// - Done, skipped and cancelled tasks are never touched.
    /// - Pending tasks starting in `[from, to)` (of `customers`, or of every customer when `nil`;
    ///   of `playbooks`, or of every playbook when `nil`) that the plan no longer produces are
    ///   cancelled, with the reason `reasons` gives.
    ///
    /// Running it again with the same plan changes nothing, and two processes running it at
    /// once store the same rows: the transactions run one after the other and the second
    /// finds the work done.
    ///
    /// - Parameters:
    ///   - planned: the planner's tasks for the window (tasks outside it are stored too).
    ///   - customers: the customers the plan covers; others' tasks are left alone.
    ///   - playbooks: the playbooks the plan covers; others' tasks are left alone.
    ///   - now: recorded as the instant of the changes.
    ///   - reasons: why a task the plan dropped is cancelled ("playbook removed", "stage changed to mature").
    @discardableResult
    public func materialize(
        planned: [PlannedTask], from: Instant, to: Instant, customers: Set<String>? = nil, playbooks: Set<String>? = nil,
        now: Instant, reasons: (StoredTask) -> String
    ) throws(StoreError) -> MaterializationResult {
        // Sorted before the transaction: other processes wait for the store only while it writes.
        let order = Self.firstOfEachID(planned)
        return try write { db in
            let reads = try materializationReads(
                planned: planned, order: order, from: from, to: to, customers: customers, playbooks: playbooks, in: db)
            return try materialize(planned: planned, reads: reads, now: now, reasons: reasons, in: db)
        }
    }

    /// `materialize(planned:from:to:customers:playbooks:now:reasons:)` as a transaction of a
    /// series: with the reads of `readAhead` when nothing outside the series wrote since they
    /// began, or else reading them in the transaction.
    func materialize(
        planned: [PlannedTask], readAhead: ReadAhead?, from: Instant, to: Instant, customers: Set<String>?, playbooks: Set<String>?,
        series: OutsideWrites, now: Instant, reasons: (StoredTask) -> String
    ) throws(StoreError) -> MaterializationResult {
        let order = readAhead?.reads.order ?? Self.firstOfEachID(planned)
        return try write { db in
            try series.begin(in: db)
            let reads =
                if let readAhead, readAhead.outsideWrites == series.count {
                    readAhead.reads
                } else {
                    try materializationReads(
                        planned: planned, order: order, from: from, to: to, customers: customers, playbooks: playbooks, in: db)
                }
            let result = try materialize(planned: planned, reads: reads, now: now, reasons: reasons, in: db)
            try series.end(in: db)
            return result
        }
    }

    /// Writes what brings the stored tasks in line with `planned`, as `reads` found them.
    private func materialize(
        planned: [PlannedTask], reads: MaterializationReads, now: Instant, reasons: (StoredTask) -> String, in db: Database
    ) throws -> MaterializationResult {
        // Every row written below is planned, so none of the rows written is among those the
        // plan dropped, and none is read back.
        let comparison = reads.comparison
        var result = MaterializationResult(unchanged: comparison.unchanged)
        // By index: a first pass creates hundreds of thousands of tasks, each not copied.
        var created: [Int] = []
        for entry in comparison.entries {
            if let existing = entry.stored {
                let changed = try follow(
                    planned[entry.index], existing: existing, reminders: reads.reminders[existing.id] ?? [], now: now, in: db)
                if changed { result.updated += 1 } else { result.unchanged += 1 }
            } else if Self.isPaused(planned[entry.index], pausedUntil: reads.pausedUntil) {
                result.paused += 1
            } else {
                created.append(entry.index)
            }
        }
        var inserts = PlannedTaskInserts(in: db)
        try inserts.insert(planned, at: created, createdAt: now)
        result.created += created.count
        for row in comparison.dropped {
            try cancel(row, reason: reasons(row.storedTask), actor: Self.engineActor, at: now, in: db)
            result.cancelled += 1
        }
        return result
    }

    /// The index of the first task of each id in `planned`, in id order: the tasks a
    /// materialization writes, without copying them into a sorted array.
    ///
    /// In id order, a batch's new rows go into the tasks' primary key (and the events' and
    /// reminders' indexes keyed by task) page after page rather than all over them.
    static func firstOfEachID(_ planned: [PlannedTask]) -> [Int] {
        var keyed = planned.indices.map { (id: planned[$0].id.number, index: $0) }
        keyed.sort { ($0.id, $0.index) < ($1.id, $1.index) }
        var order: [Int] = []
        order.reserveCapacity(keyed.count)
        for (position, entry) in keyed.enumerated() where position == 0 || keyed[position - 1].id != entry.id {
            order.append(entry.index)
        }
        return order
    }

    /// Updates a pending task to follow its plan where it differs, and records the plan's
    /// digest; returns whether anything but the digest was written. `reminders` are the
    /// task's stored reminders.
    private func follow(_ task: PlannedTask, existing: TaskRow, reminders: [ReminderRow], now: Instant, in db: Database) throws
        -> Bool
    {
        try db.cachedStatement(sql: "UPDATE tasks SET plan_digest = ? WHERE id = ?").execute(arguments: [task.planDigest, existing.id])
        let remindersChanged = try syncReminders(of: task, stored: reminders, in: db)
        var row = existing.following(task)
        guard row != existing || remindersChanged else { return false }
        row.updatedAt = now.secondsSinceEpoch
        try row.update(db)
        let moved = row.start != existing.start || row.due != existing.due
        let note = moved ? existing.moveDescription(to: row) : existing.changedFields(to: row, remindersChanged: remindersChanged)
        try TaskEventRow(task: row.id, kind: moved ? .moved : .updated, actor: Self.engineActor, at: now, note: note).insert(db)
        return true
    }

    /// Makes the `stored` reminders of `task` the planned ones, writing only the rows that
    /// differ; returns whether any changed. A reminder whose timing and recipient stay is
    /// updated in place, keeping its id (and so its deliveries); the table has no unique key,
    /// so these writes keep one reminder per task, timing and recipient.
    private func syncReminders(of task: PlannedTask, stored: [ReminderRow], in db: Database) throws -> Bool {
        let planned = task.reminders.map { ReminderRow($0, of: task.id) }
        guard Set(stored) != Set(planned) else { return false }
        // A reminder is keyed by (timing, recipient); of planned rows with the same key the last
        // one is stored, as writing them in order would.
        let wanted = Dictionary(planned.map { ($0.key, $0) }) { _, last in last }
        let current = Dictionary(stored.map { ($0.key, $0) }) { first, _ in first }
        for row in stored where wanted[row.key] == nil {
            try db.cachedStatement(sql: "DELETE FROM reminders WHERE task = ? AND timing = ? AND recipient = ?")
                .execute(arguments: [row.task, row.timing, row.recipient])
        }
        for (key, row) in wanted where current[key] != row {
            if current[key] == nil {
                try row.insert(db)
            } else {
                try db.cachedStatement(sql: "UPDATE reminders SET instant = ?, channel = ? WHERE task = ? AND timing = ? AND recipient = ?")
                    .execute(arguments: [row.instant, row.channel, row.task, row.timing, row.recipient])
            }
        }
        return true
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

extension TaskID {
    /// The id as a number: every id is 16 lowercase hex digits (both of `TaskID`'s initializers
    /// ensure it), so read as a number an id sorts as its text does, and compares and hashes faster.
    var number: UInt64 { UInt64(hex, radix: 16)! }
}
