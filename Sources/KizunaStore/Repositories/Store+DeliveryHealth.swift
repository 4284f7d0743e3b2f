import GRDB
import KizunaCore

extension Store {
    /// What is failing to be delivered, and the `latest` most recent failed attempts.
    public func deliveryHealth(latest: Int) throws(StoreError) -> DeliveryHealth {
        try read { db in
            // The failed attempts' partial indexes keep both questions off the delivered history.
            let failing = try Int.fetchOne(
                db,
                sql: """
                    SELECT
                      (SELECT count(*) FROM (SELECT DISTINCT reminder, channel FROM deliveries WHERE outcome = 'failed') f
                       WHERE NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.reminder = f.reminder
                                         AND d.channel = f.channel AND d.outcome = 'delivered'))
                    + (SELECT count(*) FROM (SELECT DISTINCT day, person, channel FROM digest_deliveries WHERE outcome = 'failed') f
                       WHERE NOT EXISTS (SELECT 1 FROM digest_deliveries d WHERE d.day = f.day AND d.person = f.person
                                         AND d.channel = f.channel AND d.outcome = 'delivered'))
                    """) ?? 0
            let reminders = try Row.fetchAll(
                db,
                sql: """
                    SELECT deliveries.*, reminders.task, reminders.recipient FROM deliveries
                    JOIN reminders ON reminders.id = deliveries.reminder
                    WHERE outcome = 'failed' ORDER BY at DESC, deliveries.id DESC LIMIT ?
                    """, arguments: [latest]
            ).map { DeliveryHealth.Failure(task: TaskID(hex: $0["task"]), recipient: $0["recipient"], attempt: DeliveryAttempt(row: $0)) }
            let digests = try Row.fetchAll(
                db, sql: "SELECT * FROM digest_deliveries WHERE outcome = 'failed' ORDER BY at DESC, id DESC LIMIT ?",
                arguments: [latest]
            ).map { DeliveryHealth.Failure(task: nil, recipient: $0["person"], attempt: DeliveryAttempt(row: $0)) }
            let newest = (reminders + digests).sorted { $0.attempt.at > $1.attempt.at }.prefix(latest)
            return DeliveryHealth(failing: failing, latestErrors: Array(newest))
        }
    }
}
