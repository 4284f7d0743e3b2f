import GRDB

/// A row of `pauses`: a play stopped for one customer until an instant.
struct PauseRow: StoreRecord {
    static let sql = RecordSQL(
        table: "pauses",
        columns: ["playbook", "customer", "until", "reason", "actor", "at"])

    var playbook: String
    var customer: String
    var until: Int64
    var reason: String?
    var actor: String
    var at: Int64

    init(playbook: String, customer: String, until: Int64, reason: String?, actor: String, at: Int64) {
        self.playbook = playbook
        self.customer = customer
        self.until = until
        self.reason = reason
        self.actor = actor
        self.at = at
    }

    init(row: Row) {
        playbook = row["playbook"]
        customer = row["customer"]
        until = row["until"]
        reason = row["reason"]
        actor = row["actor"]
        at = row["at"]
    }

    var values: [(any DatabaseValueConvertible)?] { [playbook, customer, until, reason, actor, at] }

    /// Stores the pause, replacing an earlier pause of the same play and customer.
    func save(_ db: Database) throws {
        try db.execute(
            sql: Self.sql.insert + """
                 ON CONFLICT (playbook, customer) DO UPDATE
                SET until = excluded.until, reason = excluded.reason, actor = excluded.actor, at = excluded.at
                """,
            arguments: StatementArguments(values))
    }
}
