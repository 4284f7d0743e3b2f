import GRDB

/// The schema of health scores and condition triggers (migration `v4-health`).
enum HealthSchema {
    /// - `health_scores`: one row per customer and day (the team's day), the score `NULL`
    ///   when unknown, the measures as JSON; the history trends and `change(health, …)` read.
    /// - `trigger_firings`: each day a `when:` play fired for a customer, and the day its
    ///   condition was next seen false; the planner's occurrences of the play.
    /// - `signals_by_metric` covers a health recomputation's reads: the window of one metric
    ///   for every customer is one range of this index.
    static func create(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE health_scores (
                    customer TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
                    day TEXT NOT NULL,
                    score REAL,
                    band TEXT NOT NULL CHECK (band IN ('red', 'yellow', 'green', 'unknown')),
                    measures TEXT NOT NULL DEFAULT '[]',
                    PRIMARY KEY (customer, day)
                ) WITHOUT ROWID;

                CREATE TABLE trigger_firings (
                    playbook TEXT NOT NULL,
                    customer TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
                    fired_on TEXT NOT NULL,
                    cleared_on TEXT,
                    PRIMARY KEY (playbook, customer, fired_on)
                ) WITHOUT ROWID;

                CREATE INDEX signals_by_metric ON signals(metric, at, customer, value);
                """)
    }
}
