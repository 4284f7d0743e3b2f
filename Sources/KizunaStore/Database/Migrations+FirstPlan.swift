import GRDB

extension Migrations {
    /// What a reminder's reference to its task says, as `v1` created it.
    static let reminderTaskReference = "task TEXT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE"

    /// A reminder's task is checked when its transaction commits rather than after each statement.
    ///
    /// SQLite keeps a journal of every page a statement changes, to undo that statement alone,
    /// when the statement writes several rows and may fail halfway; an immediate foreign key
    /// is such a failure. A first planning pass writes its reminders many rows per statement
    /// (`PlannedTaskInserts`) into indexes keyed by random task ids, so each statement copied
    /// dozens of pages into that journal. Checked at the commit, a missing task still fails the
    /// whole transaction, which is all a pass needs: its writes are one transaction per batch.
    /// Deleting a task still deletes its reminders at once.
    static func deferReminderTasks(_ db: Database) throws {
        try editDefinitions(
            [DefinitionEdit(table: "reminders", original: reminderTaskReference,
                replacement: reminderTaskReference + " DEFERRABLE INITIALLY DEFERRED")],
            in: db)
        let definition = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'reminders'")
        guard definition?.contains("DEFERRABLE INITIALLY DEFERRED") == true else {
            throw DatabaseError(message: "cannot defer the reminders' reference to their task: the table's definition lacks `\(reminderTaskReference)`")
        }
    }
}
