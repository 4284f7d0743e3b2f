import GRDB
import KizunaCore

extension Store {
    /// The reminders owed at or before `now` and not settled for their instant, with their
    /// tasks (whatever their state) and the attempts made for that instant; by instant.
    public func owedReminders(through now: Instant) throws(StoreError) -> [OwedReminder] {
        try read { db in
            // The condition repeats the partial index's word for word, which lets SQLite use it.
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM reminders WHERE settled_for IS NOT instant AND instant <= ? ORDER BY instant, id",
                arguments: [now.secondsSinceEpoch])
            guard !rows.isEmpty else { return [] }
            let tasks = try storedTasks(ids: Array(Set(rows.map { $0["task"] as String })), in: db)
            let names = try customerNames(ids: Set(tasks.values.map(\.customer)), in: db)
            let attempts = try deliveryAttempts(reminders: rows.map { $0["id"] as Int64 }, in: db)
            return rows.compactMap { row -> OwedReminder? in
                let id: Int64 = row["id"]
                guard let reminder = ReminderRow(row: row).storedReminder, let task = tasks[reminder.task.hex]?.storedTask else {
                    return nil
                }
                let owed = (attempts[id] ?? []).filter { $0.instant == reminder.instant }.map(\.attempt)
                return OwedReminder(
                    id: id, reminder: reminder, task: task, customerName: names[task.customer] ?? task.customer, attempts: owed)
            }
        }
    }

    /// The earliest instant after `now` at which a reminder not yet settled is owed.
    public func nextOwedReminder(after now: Instant) throws(StoreError) -> Instant? {
        try read { db in
            try Int64.fetchOne(
                db, sql: "SELECT min(instant) FROM reminders WHERE settled_for IS NOT instant AND instant > ?",
                arguments: [now.secondsSinceEpoch]
            ).map(Instant.init(secondsSinceEpoch:))
        }
    }

    /// Records attempts at sending owed reminders (each with the instant its reminder was
    /// owed at; its number follows the channel's previous ones) and settles the reminders
    /// that need nothing more, in one transaction. Returns the attempts as recorded, in order.
    @discardableResult
    public func record(
        _ attempts: [(attempt: DeliveryAttempt, reminder: Int64, instant: Instant)],
        settling settled: [(id: Int64, instant: Instant, settlement: ReminderSettlement)] = []
    ) throws(StoreError) -> [DeliveryAttempt] {
        try write { db in
            let recorded = try attempts.map { attempt, id, instant in
                var recorded = attempt
                recorded.attempt = try Int.fetchOne(
                    db.cachedStatement(sql: "SELECT coalesce(max(attempt), 0) + 1 FROM deliveries WHERE reminder = ? AND channel = ?"),
                    arguments: [id, attempt.channel]) ?? 1
                try db.cachedStatement(
                    sql: """
                        INSERT INTO deliveries (reminder, channel, attempt, at, outcome, error, for_instant, late)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """
                ).execute(arguments: [
                    id, recorded.channel, recorded.attempt, recorded.at.secondsSinceEpoch, recorded.outcome.rawValue,
                    recorded.error, instant.secondsSinceEpoch, recorded.late,
                ])
                return recorded
            }
            for (id, instant, settlement) in settled { try settle(id, for: instant, as: settlement, in: db) }
            return recorded
        }
    }

    /// Marks reminders as needing nothing more for the instants they were owed at.
    public func settle(_ reminders: [(id: Int64, instant: Instant)], as settlement: ReminderSettlement) throws(StoreError) {
        guard !reminders.isEmpty else { return }
        try write { db in
            for (id, instant) in reminders { try settle(id, for: instant, as: settlement, in: db) }
        }
    }

    private func settle(_ id: Int64, for instant: Instant, as settlement: ReminderSettlement, in db: Database) throws {
        try db.cachedStatement(sql: "UPDATE reminders SET settled_for = ?, settled_as = ? WHERE id = ? AND instant = ?")
            .execute(arguments: [instant.secondsSinceEpoch, settlement.rawValue, id, instant.secondsSinceEpoch])
    }

    /// Every delivery attempt of reminders `ids`, with the instant each was for, oldest first.
    func deliveryAttempts(reminders ids: [Int64], in db: Database) throws -> [Int64: [(instant: Instant, attempt: DeliveryAttempt)]] {
        var attempts: [Int64: [(instant: Instant, attempt: DeliveryAttempt)]] = [:]
        let rows = try Row.fetchAll(
            db, sql: "SELECT * FROM deliveries WHERE reminder IN (SELECT value FROM json_each(?)) ORDER BY at, id",
            arguments: ["[" + ids.map(String.init).joined(separator: ",") + "]"])
        for row in rows {
            attempts[row["reminder"], default: []].append(
                (Instant(secondsSinceEpoch: row["for_instant"] ?? 0), DeliveryAttempt(row: row)))
        }
        return attempts
    }

    private func customerNames(ids: Set<String>, in db: Database) throws -> [String: String] {
        let rows = try Row.fetchAll(
            db, sql: "SELECT id, name FROM customers WHERE id IN (SELECT value FROM json_each(?))",
            arguments: [JSONColumn.encode(Array(ids))])
        return Dictionary(rows.map { ($0["id"], $0["name"]) }) { first, _ in first }
    }
}

extension DeliveryAttempt {
    /// An attempt from a row of `deliveries` or `digest_deliveries`.
    init(row: Row) {
        self.init(
            channel: row["channel"], attempt: row["attempt"], at: Instant(secondsSinceEpoch: row["at"]),
            outcome: Outcome(rawValue: row["outcome"]) ?? .failed, error: row["error"], late: row["late"])
    }
}

extension Store {
    /// How each reminder of a task stands, by instant: how it was settled (`nil` while owed)
    /// and every attempt made for it.
    public func reminderDeliveries(of id: TaskID) throws(StoreError) -> [ReminderDeliveries] {
        try read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM reminders WHERE task = ? ORDER BY instant, id", arguments: [id.hex])
            let attempts = try deliveryAttempts(reminders: rows.map { $0["id"] as Int64 }, in: db)
            return rows.compactMap { row in
                guard let reminder = ReminderRow(row: row).storedReminder else { return nil }
                let settled = (row["settled_for"] as Int64?) == reminder.instant.secondsSinceEpoch
                return ReminderDeliveries(
                    reminder: reminder,
                    settlement: settled ? (row["settled_as"] as String?).flatMap(ReminderSettlement.init(rawValue:)) : nil,
                    attempts: (attempts[row["id"]] ?? []).map(\.attempt))
            }
        }
    }
}

/// A reminder with how it was delivered, for `kizuna show`.
public struct ReminderDeliveries: Sendable {
    public var reminder: StoredReminder
    /// How the reminder was settled for its instant; `nil` while it is owed.
    public var settlement: ReminderSettlement?
    /// Every attempt made for it, oldest first.
    public var attempts: [DeliveryAttempt]
}
