import GRDB

/// The store's schema, one migration per released change. Migrations are append-only:
/// a released migration is never edited, a new one is added after it.
enum Migrations {
    /// Every migration this build knows, in order.
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.eraseDatabaseOnSchemaChange = false
        migrator.registerMigration("v1", migrate: createV1)
        migrator.registerMigration("v2-delivery", migrate: addDelivery)
        migrator.registerMigration("v3-kpi", migrate: createAccountHistory)
        migrator.registerMigration("v4-health", migrate: HealthSchema.create)
        migrator.registerMigration("v5-planning", migrate: trimPlanningIndexes)
        migrator.registerMigration("v6-planning-speed", migrate: rewriteListChecks)
        migrator.registerMigration("v7-plan-digest", migrate: addPlanDigest)
        // An edit of a definition changes no row: no need to check every foreign key of the
        // store after it, as GRDB does by default (15 s and 640 MiB on a store of 47 million signals).
        migrator.registerMigration("v8-first-plan", foreignKeyChecks: .immediate, migrate: deferReminderTasks)
        // From here on, a migration registered without `foreignKeyChecks: .immediate` runs with
        // foreign keys off and checks those of the tables it rebuilds itself, rather than every
        // foreign key of the store.
        migrator = migrator.disablingDeferredForeignKeyChecks()
        migrator.registerMigration("v9-lean-rows", migrate: leanRows)
        migrator.registerMigration("v10-one-pending-index", migrate: dropDueIndex)
        return migrator
    }()

    /// Instants are INTEGER seconds since the epoch; lists and maps are JSON text; the
    /// state of a task is one of `TaskState`'s raw values.
    ///
    /// Tasks carry generated columns for what people see: the effective owner (a reassignment
    /// wins over the play's owner) and start and due moved by a snooze. The partial indexes
    /// over pending tasks (open or snoozed) make the daily questions ("what is due by D for X",
    /// "what starts this week") range scans over a small index, however many closed tasks
    /// the store has kept.
    private static func createV1(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE customers (
                    id TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    csm TEXT NOT NULL,
                    team_lead TEXT,
                    stage TEXT NOT NULL,
                    stage_entered INTEGER NOT NULL,
                    customer_since INTEGER,
                    renewal_date TEXT,
                    zone TEXT,
                    tier TEXT,
                    plan TEXT,
                    industry TEXT,
                    arr REAL,
                    seats INTEGER,
                    health REAL,
                    fields TEXT NOT NULL DEFAULT '{}'
                );
                CREATE INDEX customers_by_csm ON customers(csm);
                CREATE INDEX customers_by_stage ON customers(stage);

                CREATE TABLE stage_history (
                    id INTEGER PRIMARY KEY,
                    customer TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
                    stage TEXT NOT NULL,
                    entered_at INTEGER NOT NULL,
                    cause TEXT NOT NULL,
                    recorded_at INTEGER NOT NULL
                );
                CREATE INDEX stage_history_by_customer ON stage_history(customer, entered_at);

                CREATE TABLE signals (
                    id INTEGER PRIMARY KEY,
                    customer TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
                    metric TEXT NOT NULL,
                    value REAL NOT NULL,
                    at INTEGER NOT NULL,
                    UNIQUE (customer, metric, at)
                );

                CREATE TABLE tasks (
                    id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 16),
                    playbook TEXT NOT NULL,
                    step TEXT NOT NULL,
                    customer TEXT NOT NULL,
                    occurrence TEXT NOT NULL,
                    title TEXT NOT NULL,
                    owner TEXT NOT NULL,
                    assigned_owner TEXT,
                    priority TEXT NOT NULL,
                    start INTEGER NOT NULL,
                    due INTEGER NOT NULL,
                    zone TEXT NOT NULL,
                    state TEXT NOT NULL DEFAULT 'open'
                        CHECK (state IN ('open', 'done', 'skipped', 'snoozed', 'cancelled')),
                    snoozed_until INTEGER CHECK ((state = 'snoozed') = (snoozed_until IS NOT NULL)),
                    note TEXT,
                    checklist TEXT NOT NULL DEFAULT '[]',
                    created_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL,
                    closed_at INTEGER,
                    owner_effective TEXT GENERATED ALWAYS AS (coalesce(assigned_owner, owner)) VIRTUAL,
                    start_effective INTEGER GENERATED ALWAYS AS (max(start, coalesce(snoozed_until, start))) VIRTUAL,
                    due_effective INTEGER GENERATED ALWAYS AS (max(due, coalesce(snoozed_until, due))) VIRTUAL
                );
                CREATE INDEX tasks_by_customer ON tasks(customer, playbook, start);
                CREATE INDEX tasks_pending_by_owner_due ON tasks(owner_effective, due_effective)
                    WHERE state IN ('open', 'snoozed');
                CREATE INDEX tasks_pending_by_due ON tasks(due_effective)
                    WHERE state IN ('open', 'snoozed');
                CREATE INDEX tasks_pending_by_owner_start ON tasks(owner_effective, start_effective)
                    WHERE state IN ('open', 'snoozed');
                CREATE INDEX tasks_pending_by_start ON tasks(start)
                    WHERE state IN ('open', 'snoozed');
                CREATE INDEX tasks_done ON tasks(playbook, customer, closed_at)
                    WHERE state = 'done';

                CREATE TABLE task_events (
                    id INTEGER PRIMARY KEY,
                    task TEXT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL
                        CHECK (kind IN ('created', 'updated', 'moved', 'done', 'skipped', 'snoozed', 'assigned', 'cancelled')),
                    actor TEXT NOT NULL,
                    at INTEGER NOT NULL,
                    note TEXT
                );
                CREATE INDEX task_events_by_task ON task_events(task, at);

                CREATE TABLE pauses (
                    playbook TEXT NOT NULL,
                    customer TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
                    until INTEGER NOT NULL,
                    reason TEXT,
                    actor TEXT NOT NULL,
                    at INTEGER NOT NULL,
                    PRIMARY KEY (playbook, customer)
                );

                CREATE TABLE reminders (
                    id INTEGER PRIMARY KEY,
                    task TEXT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
                    instant INTEGER NOT NULL,
                    recipient TEXT NOT NULL,
                    timing TEXT NOT NULL,
                    channel TEXT,
                    UNIQUE (task, timing, recipient)
                );
                CREATE INDEX reminders_by_instant ON reminders(instant);

                CREATE TABLE deliveries (
                    id INTEGER PRIMARY KEY,
                    reminder INTEGER NOT NULL REFERENCES reminders(id) ON DELETE CASCADE,
                    channel TEXT NOT NULL,
                    attempt INTEGER NOT NULL CHECK (attempt >= 1),
                    at INTEGER NOT NULL,
                    outcome TEXT NOT NULL CHECK (outcome IN ('delivered', 'failed')),
                    error TEXT,
                    UNIQUE (reminder, channel, attempt)
                );
                """)
    }

    /// `account_history` keeps each customer's ARR and seats as they were recorded, so that
    /// revenue churn weighs the revenue of the period's start and expansion (upsell) is seen
    /// as a rise. The customers already stored get their current values as of the instant
    /// they became customers.
    private static func createAccountHistory(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE account_history (
                    id INTEGER PRIMARY KEY,
                    customer TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
                    at INTEGER NOT NULL,
                    arr REAL,
                    seats INTEGER
                );
                CREATE INDEX account_history_by_customer ON account_history(customer, at);
                INSERT INTO account_history (customer, at, arr, seats)
                    SELECT id, coalesce(customer_since, (SELECT min(entered_at) FROM stage_history WHERE customer = customers.id),
                        stage_entered), arr, seats
                    FROM customers;
                """)
    }
}
