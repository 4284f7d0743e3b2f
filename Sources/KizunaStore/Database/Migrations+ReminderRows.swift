import GRDB

extension Migrations {
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
    /// references covers only them rather than every table of the store.
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
}
