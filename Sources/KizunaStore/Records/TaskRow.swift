import GRDB
import KizunaCore

/// A row of `tasks`, without its generated columns (which SQLite computes).
struct TaskRow: Equatable, StoreRecord {
    static let sql = RecordSQL(
        table: "tasks",
        columns: [
            "id", "playbook", "step", "customer", "occurrence", "title", "owner", "assigned_owner", "priority", "start", "due",
            "zone", "state", "snoozed_until", "note", "checklist", "created_at", "updated_at", "closed_at",
        ])

    var id: String
    var playbook: String
    var step: String
    var customer: String
    var occurrence: String
    var title: String
    /// The play's owner.
    var owner: String
    /// A person's reassignment, which re-planning keeps.
    var assignedOwner: String?
    var priority: String
    /// As planned; a snooze does not change it.
    var start: Int64
    var due: Int64
    var zone: String
    var state: String
    var snoozedUntil: Int64?
    var note: String?
    var createdAt: Int64
    var updatedAt: Int64
    var closedAt: Int64?
    /// The checklist as JSON, so rows compare without decoding it.
    var checklistJSON: String

    init(row: Row) {
        id = row["id"]
        playbook = row["playbook"]
        step = row["step"]
        customer = row["customer"]
        occurrence = row["occurrence"]
        title = row["title"]
        owner = row["owner"]
        assignedOwner = row["assigned_owner"]
        priority = row["priority"]
        start = row["start"]
        due = row["due"]
        zone = row["zone"]
        state = row["state"]
        snoozedUntil = row["snoozed_until"]
        note = row["note"]
        checklistJSON = row["checklist"]
        createdAt = row["created_at"]
        updatedAt = row["updated_at"]
        closedAt = row["closed_at"]
    }

    var values: [(any DatabaseValueConvertible)?] {
        [
            id, playbook, step, customer, occurrence, title, owner, assignedOwner, priority, start, due, zone, state, snoozedUntil,
            note, checklistJSON, createdAt, updatedAt, closedAt,
        ]
    }

    var taskState: TaskState { TaskState(rawValue: state) ?? .open }

    /// The zone the task's times are read in; UTC if the system no longer knows it.
    var taskZone: Zone { Zone.named(zone) ?? .utc }

    /// An instant of this task, as people read it in the task's zone.
    func iso8601(_ seconds: Int64) -> String { taskZone.iso8601(Instant(secondsSinceEpoch: seconds)) }

    /// This row with the planner's fields of `task` (the same occurrence, as the id is the same);
    /// what people set (state, reassignment, note) stays.
    func following(_ task: PlannedTask) -> TaskRow {
        var row = self
        row.title = task.title
        row.owner = task.owner
        row.priority = task.priority.rawValue
        row.start = task.start.secondsSinceEpoch
        row.due = task.due.secondsSinceEpoch
        row.zone = task.zone.identifier
        row.checklistJSON = JSONColumn.encode(task.checklist)
        return row
    }

    /// The task's `created` event: the engine stored it at its `created_at`.
    var createdEvent: TaskEvent {
        TaskEvent(
            task: taskID, kind: .created, actor: Store.engineActor, at: Instant(secondsSinceEpoch: createdAt), note: nil)
    }

    /// The task's id. The CHECK on `id` and the store's writes keep ids valid; recomputing
    /// the id from its fields gives the same id for any row the store wrote.
    var taskID: TaskID {
        TaskID(hex: id) ?? TaskID(playbook: playbook, step: step, customer: customer, occurrence: occurrence)
    }

    /// The task as people see it: the effective owner, and dates moved by a snooze.
    var storedTask: StoredTask {
        storedTask(checklist: checklist)
    }

    /// The checklist's items.
    var checklist: [String] {
        JSONColumn.decode(checklistJSON, as: [String].self, fallback: [])
    }

    /// `storedTask`, with the checklist already decoded.
    func storedTask(checklist: [String]) -> StoredTask {
        let snooze = snoozedUntil
        return StoredTask(
            id: taskID,
            playbook: playbook, step: step, customer: customer, occurrence: occurrence, title: title,
            owner: assignedOwner ?? owner, plannedOwner: owner, priority: Priority(rawValue: priority) ?? .medium,
            start: Instant(secondsSinceEpoch: max(start, snooze ?? start)),
            due: Instant(secondsSinceEpoch: max(due, snooze ?? due)), zone: taskZone,
            state: taskState, snoozedUntil: snooze.map(Instant.init(secondsSinceEpoch:)), note: note,
            checklist: checklist, createdAt: Instant(secondsSinceEpoch: createdAt),
            updatedAt: Instant(secondsSinceEpoch: updatedAt), closedAt: closedAt.map(Instant.init(secondsSinceEpoch:)))
    }
}

extension [TaskRow] {
    /// The rows as tasks, each distinct checklist decoded once: the tasks of a step share theirs,
    /// and decoding JSON costs more than the rest of a row (2 ms of a list of 700 tasks).
    var storedTasks: [StoredTask] {
        var checklists: [String: [String]] = [:]
        return map { row in
            if let checklist = checklists[row.checklistJSON] { return row.storedTask(checklist: checklist) }
            let checklist = row.checklist
            checklists[row.checklistJSON] = checklist
            return row.storedTask(checklist: checklist)
        }
    }
}

extension TaskRow {
    /// "start 2026-12-01T10:00:00Z → 2026-12-02T10:00:00Z; due …", for a `moved` event.
    func moveDescription(to row: TaskRow) -> String {
        func change(_ name: String, _ old: Int64, _ new: Int64) -> String? {
            old == new ? nil : "\(name) \(row.iso8601(old)) → \(row.iso8601(new))"
        }
        return [change("start", start, row.start), change("due", due, row.due)].compactMap { $0 }.joined(separator: "; ")
    }

    /// "title, priority changed", for an `updated` event.
    func changedFields(to row: TaskRow, remindersChanged: Bool) -> String {
        let fields: [(String, Bool)] = [
            ("title", title != row.title), ("owner", owner != row.owner),
            ("priority", priority != row.priority), ("zone", zone != row.zone), ("checklist", checklistJSON != row.checklistJSON),
            ("reminders", remindersChanged),
        ]
        return fields.filter(\.1).map(\.0).joined(separator: ", ") + " changed"
    }
}
