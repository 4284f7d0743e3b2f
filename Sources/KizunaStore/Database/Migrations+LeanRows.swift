import GRDB

extension Migrations {
    /// What SQLite does for each task and reminder a planning pass writes, cut to what the
    /// store needs: `leanReminders` and `functionFreeTaskRows`.
    static func leanRows(_ db: Database) throws {
        try leanReminders(db)
        try functionFreeTaskRows(db)
    }

    /// Reminders without a unique key or a reference to their task: the fewest index entries
    /// and checks per reminder a planning pass writes.
    ///
    /// A first pass over 100,000 customers writes hundreds of thousands of reminders. Each
    /// went into the index of `UNIQUE (task, timing, recipient)`, wide and keyed by random task
    /// ids, and had its task looked up by the foreign key at the commit. Neither guarded
    /// anything the writes need: materialization writes one reminder per task, timing and
    /// recipient (`PlannedTaskInserts`, `syncReminders`), inside the transaction that reads
    /// the stored ones, and tasks are never deleted. A plain index on the task serves the
    /// lookups of a task's reminders.
    ///
    /// SQLite cannot drop a constraint, so the table is rebuilt as SQLite documents
    /// (https://sqlite.org/lang_altertable.html#otheralter), with foreign keys off: each
    /// reminder keeps its id, which its deliveries refer to, and the check of the deliveries'
    /// references covers only them rather than every table of the store. The check of
    /// `settled_as` compares with each value in turn: `IN (...)` with a list of five builds a
    /// temporary table in every insert statement.
    static func leanReminders(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE reminders_v9 (
                    id INTEGER PRIMARY KEY,
                    task TEXT NOT NULL,
                    instant INTEGER NOT NULL,
                    recipient TEXT NOT NULL,
                    timing TEXT NOT NULL,
                    channel TEXT,
                    settled_for INTEGER,
                    settled_as TEXT CHECK (settled_as = 'delivered' OR settled_as = 'late' OR settled_as = 'failed'
                        OR settled_as = 'skipped' OR settled_as = 'superseded')
                );
                INSERT INTO reminders_v9 (id, task, instant, recipient, timing, channel, settled_for, settled_as)
                    SELECT id, task, instant, recipient, timing, channel, settled_for, settled_as FROM reminders ORDER BY id;
                DROP TABLE reminders;
                ALTER TABLE reminders_v9 RENAME TO reminders;
                CREATE INDEX reminders_by_task ON reminders(task);
                CREATE INDEX reminders_unsettled ON reminders(instant) WHERE settled_for IS NOT instant;
                """)
        try db.checkForeignKeys(in: "deliveries")
    }

    /// The functions of a task's definition, replaced by plain comparisons, so that writing
    /// many tasks per statement keeps no statement journal.
    ///
    /// SQLite expects any function to fail, and keeps a journal of every page a statement of
    /// several rows changes, to undo that statement alone, when it calls one: the
    /// `max` of the generated start and due and the `length` of the id's check, for each row.
    /// The CASE expressions give what `max` gave: the end of a snooze when it is later than the date.
    /// The id's length goes unchecked: every id is written from a `TaskID`, 16 hex digits.
    /// The stored rows and index entries stay the same, so the definitions are edited in place.
    static func functionFreeTaskRows(_ db: Database) throws {
        let edits = [
            DefinitionEdit(table: "tasks", original: " CHECK (length(id) = 16)", replacement: ""),
            DefinitionEdit(
                table: "tasks", original: "max(start, coalesce(snoozed_until, start))",
                replacement: "CASE WHEN snoozed_until > start THEN snoozed_until ELSE start END"),
            DefinitionEdit(
                table: "tasks", original: "max(due, coalesce(snoozed_until, due))",
                replacement: "CASE WHEN snoozed_until > due THEN snoozed_until ELSE due END"),
        ]
        try editDefinitions(edits, in: db)
        let definition = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'tasks'") ?? ""
        for edit in edits where definition.contains(edit.original) || !definition.contains(edit.replacement) {
            throw DatabaseError(message: "cannot edit the tasks' definition: `\(edit.original)` is not as expected")
        }
    }
}
