import GRDB
import KizunaCore

extension Store {
    /// Whether the digests of `day` for the people of `zone` went out (or were tried).
    public func digestRunDone(day: CivilDate, zone: Zone) throws(StoreError) -> Bool {
        try read { db in
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM digest_runs WHERE day = ? AND zone = ?)",
                arguments: [day.description, zone.identifier]) ?? false
        }
    }

    /// Records that the digests of `day` for the people of `zone` were sent at `at`.
    public func recordDigestRun(day: CivilDate, zone: Zone, at: Instant) throws(StoreError) {
        try write { db in
            try db.execute(
                sql: "INSERT OR IGNORE INTO digest_runs (day, zone, at) VALUES (?, ?, ?)",
                arguments: [day.description, zone.identifier, at.secondsSinceEpoch])
        }
    }

    /// The attempts at sending the digests of `day`, by person, oldest first.
    public func digestAttempts(day: CivilDate) throws(StoreError) -> [String: [DeliveryAttempt]] {
        try read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM digest_deliveries WHERE day = ? ORDER BY at, id", arguments: [day.description])
            return Dictionary(grouping: rows, by: { $0["person"] as String }).mapValues { $0.map(DeliveryAttempt.init(row:)) }
        }
    }

    /// Records one attempt at sending `person`'s digest of `day`; the attempt number follows
    /// the channel's previous ones.
    @discardableResult
    public func record(_ attempt: DeliveryAttempt, digestOf person: String, day: CivilDate) throws(StoreError) -> DeliveryAttempt {
        try write { db in
            var recorded = attempt
            recorded.attempt = try Int.fetchOne(
                db,
                sql: "SELECT coalesce(max(attempt), 0) + 1 FROM digest_deliveries WHERE day = ? AND person = ? AND channel = ?",
                arguments: [day.description, person, attempt.channel]) ?? 1
            try db.execute(
                sql: """
                    INSERT INTO digest_deliveries (person, day, channel, attempt, at, outcome, error, late)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    person, day.description, recorded.channel, recorded.attempt, recorded.at.secondsSinceEpoch,
                    recorded.outcome.rawValue, recorded.error, recorded.late,
                ])
            return recorded
        }
    }
}
