import GRDB
import KizunaCore

extension Store {
    /// Where the store's history ends now: ``changes(after:limit:)`` from here returns what
    /// is recorded later.
    public func changeCursor() throws(StoreError) -> StoreChanges.Cursor {
        try read { db in try Self.cursor(in: db) }
    }

    private static func cursor(in db: Database) throws -> StoreChanges.Cursor {
        StoreChanges.Cursor(
            taskEvent: try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM task_events") ?? 0,
            task: try Int64.fetchOne(db, sql: "SELECT coalesce(max(rowid), 0) FROM tasks") ?? 0,
            stageChange: try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM stage_history") ?? 0)
    }

    /// The tasks the planning engine created, moved or cancelled and the stage changes
    /// recorded after `cursor`, listed when each kind has at most `limit` (so that a first
    /// plan over a large store is counted, not listed).
    public func changes(after cursor: StoreChanges.Cursor, limit: Int) throws(StoreError) -> StoreChanges {
        try read { db in
            let end = try Self.cursor(in: db)
            var changes = StoreChanges(cursor: end)
            // Tasks are only created by the engine, rows after the cursor's; their creation is their row.
            let created = "FROM tasks WHERE rowid > ? AND rowid <= ?"
            let taskEvents = "FROM task_events WHERE id > ? AND id <= ? AND actor = ? AND kind IN ('moved', 'cancelled')"
            let taskArguments: StatementArguments = [cursor.task, end.task, cursor.taskEvent, end.taskEvent, Self.engineActor]
            changes.taskCount =
                try Int.fetchOne(db, sql: "SELECT (SELECT count(*) \(created)) + (SELECT count(*) \(taskEvents))", arguments: taskArguments)
                ?? 0
            if changes.taskCount <= limit {
                changes.tasks = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT 'created' AS kind, NULL AS note, id, customer, playbook, title, 0 AS event, rowid AS position \(created)
                        UNION ALL
                        SELECT e.kind, e.note, t.id, t.customer, t.playbook, t.title, 1, e.id FROM task_events e JOIN tasks t ON t.id = e.task
                        WHERE e.id IN (SELECT id \(taskEvents))
                        ORDER BY event, position
                        """, arguments: taskArguments
                ).compactMap { row in
                    guard let kind = TaskEvent.Kind(rawValue: row["kind"]), let task = TaskID(hex: row["id"]) else { return nil }
                    return StoreChanges.TaskChange(
                        kind: kind, task: task, customer: row["customer"], playbook: row["playbook"], title: row["title"],
                        note: row["note"])
                }
            }
            let stageArguments: StatementArguments = [cursor.stageChange, end.stageChange]
            changes.stageCount =
                try Int.fetchOne(db, sql: "SELECT count(*) FROM stage_history WHERE id > ? AND id <= ?", arguments: stageArguments) ?? 0
            if changes.stageCount <= limit {
                changes.stages = try Row.fetchAll(
                    db, sql: "SELECT customer, stage, cause FROM stage_history WHERE id > ? AND id <= ? ORDER BY id",
                    arguments: stageArguments
                ).map { StoreChanges.StageChange(customer: $0["customer"], stage: $0["stage"], cause: $0["cause"]) }
            }
            return changes
        }
    }
}
