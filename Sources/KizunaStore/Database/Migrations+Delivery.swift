import GRDB

extension Migrations {
    /// What reminder delivery keeps.
    ///
    /// A reminder is settled for the instant it was owed at (`settled_for`), as `settled_as`;
    /// when planning moves its instant, it is owed again. The partial index holds only the
    /// reminders still owed, so finding due ones reads none of the settled past. Each
    /// delivery attempt records the instant it was for and whether it was late. Digests
    /// record, per zone and day, that the morning's run happened, and every attempt per
    /// person, day and channel.
    static func addDelivery(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE reminders ADD COLUMN settled_for INTEGER;
                ALTER TABLE reminders ADD COLUMN settled_as TEXT
                    CHECK (settled_as IN ('delivered', 'late', 'failed', 'skipped', 'superseded'));
                CREATE INDEX reminders_unsettled ON reminders(instant) WHERE settled_for IS NOT instant;

                ALTER TABLE deliveries ADD COLUMN for_instant INTEGER;
                ALTER TABLE deliveries ADD COLUMN late INTEGER NOT NULL DEFAULT 0;
                CREATE INDEX deliveries_failed ON deliveries(at) WHERE outcome = 'failed';

                CREATE TABLE digest_runs (
                    day TEXT NOT NULL,
                    zone TEXT NOT NULL,
                    at INTEGER NOT NULL,
                    PRIMARY KEY (day, zone)
                );

                CREATE TABLE digest_deliveries (
                    id INTEGER PRIMARY KEY,
                    person TEXT NOT NULL,
                    day TEXT NOT NULL,
                    channel TEXT NOT NULL,
                    attempt INTEGER NOT NULL CHECK (attempt >= 1),
                    at INTEGER NOT NULL,
                    outcome TEXT NOT NULL CHECK (outcome IN ('delivered', 'failed')),
                    error TEXT,
                    late INTEGER NOT NULL DEFAULT 0,
                    UNIQUE (day, person, channel, attempt)
                );
                CREATE INDEX digest_deliveries_failed ON digest_deliveries(at) WHERE outcome = 'failed';
                """)
    }
}
