import GRDB
import KizunaCore

extension Store {
    /// Everything that happened to a task, oldest first: its creation (its `created_at`),
    /// then its stored events.
    public func history(task id: TaskID) throws(StoreError) -> [TaskEvent] {
        try read { db in
            guard let task = try TaskRow.find(db, key: id.hex) else { return [] }
            let events = try TaskEventRow.filter(Column("task") == id.hex).order(Column("at"), Column("id")).fetchAll(db)
            return [task.createdEvent] + events.compactMap(\.event)
        }
    }

    /// A customer's stage changes and the events of its tasks, oldest first.
    public func timeline(customer: String) throws(StoreError) -> [TimelineEntry] {
        try read { db in
            let stages = try StageHistoryRow.filter(Column("customer") == customer).fetchAll(db).map { row in
                TimelineEntry(
                    at: Instant(secondsSinceEpoch: row.enteredAt), kind: .stageChanged(stage: row.stage, cause: row.cause))
            }
            let events = try Row.fetchAll(
                db,
                // Each task's creation comes from its row, before the stored events of the same instant.
                sql: """
                    SELECT id AS task, 'created' AS kind, ? AS actor, created_at AS at, NULL AS note, title, 0 AS event
                    FROM tasks WHERE customer = ?
                    UNION ALL
                    SELECT task_events.task, task_events.kind, task_events.actor, task_events.at, task_events.note, tasks.title,
                        task_events.id
                    FROM task_events JOIN tasks ON tasks.id = task_events.task WHERE tasks.customer = ?
                    ORDER BY at, event, task
                    """,
                arguments: [Self.engineActor, customer, customer]
            ).compactMap { row -> TimelineEntry? in
                guard let event = TaskEventRow(row: row).event else { return nil }
                return TimelineEntry(at: event.at, kind: .task(event, title: row["title"]))
            }
            // A stable sort keeps stage changes before the task events of the same instant.
            return (stages + events).enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }
                .map(\.element)
        }
    }

    /// How many rows the store holds.
    public func counts() throws(StoreError) -> StoreCounts {
        try read { db in
            var tasks = Dictionary(uniqueKeysWithValues: TaskState.allCases.map { ($0, 0) })
            for row in try Row.fetchAll(db, sql: "SELECT state, count(*) AS n FROM tasks GROUP BY state") {
                if let state = TaskState(rawValue: row["state"]) { tasks[state] = row["n"] }
            }
            return StoreCounts(
                customers: try CustomerRow.fetchCount(db), signals: try Int.fetchOne(db, sql: "SELECT count(*) FROM signals") ?? 0,
                tasks: tasks, reminders: try ReminderRow.fetchCount(db), pauses: try PauseRow.fetchCount(db))
        }
    }
}
