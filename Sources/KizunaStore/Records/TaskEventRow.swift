import GRDB
import KizunaCore

/// A row of `task_events`.
struct TaskEventRow: StoreRecord {
    static let sql = RecordSQL(
        table: "task_events",
        columns: ["task", "kind", "actor", "at", "note"])

    var task: String
    var kind: String
    var actor: String
    var at: Int64
    var note: String?

    init(task: String, kind: TaskEvent.Kind, actor: String, at: Instant, note: String?) {
        self.task = task
        self.kind = kind.rawValue
        self.actor = actor
        self.at = at.secondsSinceEpoch
        self.note = note
    }

    init(row: Row) {
        task = row["task"]
        kind = row["kind"]
        actor = row["actor"]
        at = row["at"]
        note = row["note"]
    }

    var values: [(any DatabaseValueConvertible)?] { [task, kind, actor, at, note] }

    /// The event; `nil` for a row this build cannot read.
    var event: TaskEvent? {
        guard let id = TaskID(hex: task), let kind = TaskEvent.Kind(rawValue: kind) else { return nil }
        return TaskEvent(task: id, kind: kind, actor: actor, at: Instant(secondsSinceEpoch: at), note: note)
    }
}
