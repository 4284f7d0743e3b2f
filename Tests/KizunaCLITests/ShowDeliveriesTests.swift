import Foundation
import KizunaCore
import KizunaStore
import Testing

/// `kizuna show TASK` lists each reminder's delivery attempts, as the daemon records them.
@Suite struct ShowDeliveriesTests {
    @Test func showListsEachReminderWithItsAttemptsAndHowItEnded() throws {
        let sandbox = try Sandbox()
        let store = try Store(path: sandbox.storePath)
        let now = try #require(Instant(iso8601: Sandbox.tuesday, defaultZone: .utc))
        let owed = try #require(try store.owedReminders(through: now).first)
        try store.record([
            (DeliveryAttempt(channel: "chat", at: now, outcome: .failed, error: "POST answered 500", late: true), owed.id, owed.reminder.instant)
        ])
        try store.record(
            [(DeliveryAttempt(channel: "chat", at: now.adding(seconds: 60), outcome: .delivered, late: true), owed.id, owed.reminder.instant)],
            settling: [(owed.id, owed.reminder.instant, .late)])

        let text = try sandbox.run(["show", owed.task.id.short])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("→ \(owed.reminder.recipient) (\(owed.reminder.timing))  late"))
        #expect(text.stdout.contains("chat #1 failed: POST answered 500"))
        #expect(text.stdout.contains("chat #2 delivered"))

        let json = try sandbox.run(["show", owed.task.id.short, "--json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let reminders = try #require(object?["reminders"] as? [[String: Any]])
        let shown = try #require(reminders.first { $0["status"] as? String == "late" })
        let deliveries = try #require(shown["deliveries"] as? [[String: Any]])
        #expect(deliveries.map { $0["outcome"] as? String } == ["failed", "delivered"])
    }
}
