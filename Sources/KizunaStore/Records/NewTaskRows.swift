import GRDB
import KizunaCore

/// Planned tasks a materialization stores open, with their `created` events and their
/// reminders, gathered so that each table's rows go in by the statement-full.
struct NewTaskRows {
    private var tasks: [TaskRow] = []
    private var events: [TaskEventRow] = []
    private var reminders: [ReminderRow] = []

    /// Adds a planned task, created at `now`.
    mutating func append(_ task: PlannedTask, at now: Instant) {
        let row = TaskRow(task, at: now)
        tasks.append(row)
        events.append(TaskEventRow(task: row.id, kind: .created, actor: Store.engineActor, at: now, note: nil))
        reminders.append(contentsOf: task.reminders.lazy.map { ReminderRow($0, of: task.id) })
    }

    /// Inserts the rows gathered so far, each table's in the order they were added, and
    /// starts over.
    mutating func insert(in db: Database) throws {
        guard !tasks.isEmpty else { return }
        try TaskRow.insert(tasks, in: db)
        try TaskEventRow.insert(events, in: db)
        try ReminderRow.insert(reminders, in: db)
        self = NewTaskRows()
    }
}
