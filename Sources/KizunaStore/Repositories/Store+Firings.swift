import GRDB
import KizunaCore

extension Store {
    /// The firings of `when:` plays, of every customer or of `customers`.
    public func firings(customers: Set<String>? = nil) throws(StoreError) -> [TriggerFiring] {
        try read { db in try firings(customers: customers, in: db) }
    }

    func firings(customers: Set<String>?, in db: Database) throws -> [TriggerFiring] {
        let filter = customers == nil ? "" : " WHERE customer IN (SELECT value FROM json_each(?))"
        let arguments: StatementArguments = customers.map { [JSONColumn.encode($0.sorted())] } ?? []
        // Read by column position: a pass reads every firing, and a lookup by name per column cost more.
        let rows = try Row.fetchCursor(
            db, sql: "SELECT playbook, customer, fired_on, cleared_on FROM trigger_firings\(filter) ORDER BY fired_on",
            arguments: arguments)
        var firings: [TriggerFiring] = []
        while let row = try rows.next() {
            guard let fired = CivilDate(row[2] as String) else { continue }
            firings.append(
                TriggerFiring(playbook: row[0], customer: row[1], firedOn: fired, clearedOn: (row[3] as String?).flatMap(CivilDate.init)))
        }
        return firings
    }

    /// Records trigger steps in one transaction: a `.fire` stores a new firing on `day`, a
    /// `.clear` marks the latest firing of its play and customer cleared on `day`.
    public func record(steps: [TriggerOutcome]) throws(StoreError) {
        guard steps.contains(where: { $0.step != .none }) else { return }
        try write { db in
            // A first pass fires tens of thousands: bound straight to SQLite.
            let fire = try BoundInsert("INSERT OR IGNORE INTO trigger_firings (playbook, customer, fired_on) VALUES (?, ?, ?)", in: db)
            let clear = try db.cachedStatement(
                sql: "UPDATE trigger_firings SET cleared_on = ? WHERE playbook = ? AND customer = ? AND cleared_on IS NULL")
            for outcome in steps {
                switch outcome.step {
                case .fire:
                    try fire.insert { row in
                        try row.bind(outcome.playbook, at: 1)
                        try row.bind(outcome.customer, at: 2)
                        try row.bind(outcome.day.description, at: 3)
                    }
                case .clear: try clear.execute(arguments: [outcome.day.description, outcome.playbook, outcome.customer])
                case .none: break
                }
            }
        }
    }

    /// A customer's observations of each series in `needs` (metric → days of history),
    /// with the observation before each window, ascending by date in `zone`: what its
    /// conditions read. `health` reads the stored scores.
    public func series(customer: String, needs: [String: Int], today: CivilDate, zone: Zone) throws(StoreError)
        -> [String: [SignalPoint]]
    {
        try seriesOfEach([SeriesRequest(customer: customer, today: today, zone: zone)], needs: needs)[0]
    }
}

/// A trigger's step for one play and customer on one day.
public struct TriggerOutcome: Hashable, Sendable {
    public var playbook: String
    public var customer: String
    public var day: CivilDate
    public var step: TriggerStep

    public init(playbook: String, customer: String, day: CivilDate, step: TriggerStep) {
        self.playbook = playbook
        self.customer = customer
        self.day = day
        self.step = step
    }

    /// The firing a `.fire` step records.
    public var firing: TriggerFiring? {
        step == .fire ? TriggerFiring(playbook: playbook, customer: customer, firedOn: day) : nil
    }
}
