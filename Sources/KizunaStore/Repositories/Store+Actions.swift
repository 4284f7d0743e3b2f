import GRDB
import KizunaCore

extension Store {
    /// Marks a pending task done, with an optional note about the outcome.
    ///
    /// - Throws: `.notFound`, or `.invalidTransition` when the task is already done, skipped or cancelled.
    @discardableResult
    public func complete(_ id: TaskID, note: String?, at: Instant, actor: String) throws(StoreError) -> StoredTask {
        try act(on: id, verb: "completed", kind: .done, note: note, at: at, actor: actor) { row in
            row.close(as: .done, note: note, at: at)
        }
    }

    /// Skips a pending task: it will not be done, for `reason`.
    ///
    /// - Throws: `.notFound`, or `.invalidTransition` when the task is already done, skipped or cancelled.
    @discardableResult
    public func skip(_ id: TaskID, reason: String, at: Instant, actor: String) throws(StoreError) -> StoredTask {
        try act(on: id, verb: "skipped", kind: .skipped, note: reason, at: at, actor: actor) { row in
            row.close(as: .skipped, note: reason, at: at)
        }
    }

    /// Snoozes a pending task until `until`: it starts then (and is due then at the earliest),
    /// and reads as open again from then on. Re-planning keeps the snooze.
    ///
    /// - Throws: `.notFound`, `.invalidTransition` when the task is closed, `.invalidInput`
    ///   when `until` is not after `at`.
    @discardableResult
    public func snooze(_ id: TaskID, until: Instant, reason: String?, at: Instant, actor: String) throws(StoreError)
        -> StoredTask
    {
        guard until > at else {
            throw StoreError(.invalidInput, "a snooze must end after it starts; give an instant later than now")
        }
        return try act(on: id, verb: "snoozed", kind: .snoozed, note: reason, at: at, actor: actor) { row in
            row.state = TaskState.snoozed.rawValue
            row.snoozedUntil = until.secondsSinceEpoch
            row.note = reason
        } eventNote: { old in
            "until \(old.iso8601(until.secondsSinceEpoch))" + (reason.map { ": \($0)" } ?? "")
        }
    }

    /// Gives a pending task to `owner`; re-planning keeps the reassignment.
    ///
    /// - Throws: `.notFound`, or `.invalidTransition` when the task is done, skipped or cancelled.
    @discardableResult
    public func assign(_ id: TaskID, to owner: String, note: String?, at: Instant, actor: String) throws(StoreError)
        -> StoredTask
    {
        try act(on: id, verb: "reassigned", kind: .assigned, note: note, at: at, actor: actor) { row in
            row.assignedOwner = owner
        } eventNote: { old in
            "from \(old.assignedOwner ?? old.owner) to \(owner)" + (note.map { ": \($0)" } ?? "")
        }
    }

    /// Applies `change` to a pending task and records the event, in one transaction.
    private func act(
        on id: TaskID, verb: String, kind: TaskEvent.Kind, note: String?, at: Instant, actor: String,
        change: (inout TaskRow) -> Void, eventNote: ((TaskRow) -> String)? = nil
    ) throws(StoreError) -> StoredTask {
        try write { db in
            let old = try pendingTask(id, toBe: verb, in: db)
            var row = old
            change(&row)
            row.updatedAt = at.secondsSinceEpoch
            try row.update(db)
            try TaskEventRow(task: row.id, kind: kind, actor: actor, at: at, note: eventNote?(old) ?? note).insert(db)
            return row.storedTask
        }
    }

    /// The task with this id, which must be pending to be `verb`.
    private func pendingTask(_ id: TaskID, toBe verb: String, in db: Database) throws -> TaskRow {
        guard let row = try TaskRow.find(db, key: id.hex) else {
            throw StoreError(.notFound, "no task \(id) in the store at \(path); `kizuna today` lists the open tasks")
        }
        guard row.taskState.isPending else {
            let since = row.closedAt.map { " since \(row.iso8601($0))" } ?? ""
            let why = row.note.map { " (\($0))" } ?? ""
            throw StoreError(
                .invalidTransition,
                "task \(id.short) “\(row.title)” is \(row.state)\(since)\(why); only open or snoozed tasks can be \(verb)")
        }
        return row
    }
}

extension TaskRow {
    /// Closes the task as done or skipped, ending any snooze.
    mutating func close(as state: TaskState, note: String?, at: Instant) {
        self.state = state.rawValue
        snoozedUntil = nil
        self.note = note
        closedAt = at.secondsSinceEpoch
    }
}
