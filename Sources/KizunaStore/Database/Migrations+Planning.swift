import GRDB

extension Migrations {
    /// Fewer index entries per planned task, for planning passes over many customers.
    ///
    /// A task's creation is its `created_at`: the history and the timeline derive the
    /// `created` event from it, so the rows that recorded it go. Pending tasks keep two
    /// partial indexes: by owner and due (`today --owner`, and `upcoming --owner`, which
    /// reads one owner's pending tasks) and by due (`today` of everyone); a pass finds a
    /// batch's pending tasks through `tasks_by_customer`. Owed reminders are found through
    /// `reminders_unsettled` and a task's reminders through their unique key, so the index
    /// of every reminder by instant goes too.
    static func trimPlanningIndexes(_ db: Database) throws {
        try db.execute(
            sql: """
                DELETE FROM task_events WHERE kind = 'created';
                DROP INDEX tasks_pending_by_owner_start;
                DROP INDEX tasks_pending_by_start;
                DROP INDEX reminders_by_instant;
                """)
    }
}
