import Foundation
import GRDB
import KizunaCore
import KizunaDelivery
import KizunaStore
import Testing

@Suite(.timeLimit(.minutes(5)))
struct ExecDeliveryTests {
    @Test func dueRemindersReachTheExecProgramOnceWithTheirJSON() throws {
        let example = try ExampleStore()
        try example.sendRemindersToRecordingChannel("notify")
        let now = ExampleStore.tuesday.adding(seconds: 6 * 3_600)
        let report = try example.dispatcher().deliverDue(now: now)
        let lines = example.lines(of: "notify.out")
        #expect(!lines.isEmpty)
        #expect(lines.count == report.attempts.count { $0.attempt.channel == "notify" })
        #expect(report.failed == 0)
        let first = try #require(lines.first)
        let brace = try #require(first.firstIndex(of: "{"))
        let json = String(first[brace...])
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(object?["kind"] as? String == "reminder")
        #expect((object?["text"] as? String)?.hasPrefix("Reminder (") == true)
        #expect(first.hasPrefix("reminder \(object?["recipient"] as? String ?? "?") "))

        // Again, and from a new dispatcher (a restart): nothing more is sent.
        #expect(try example.dispatcher().deliverDue(now: now).attempts.isEmpty)
        #expect(try ReminderDispatcherUnderTest(store: Store(stateDirectory: example.folder), configuration: example.configuration)
            .deliverDue(now: now).attempts.isEmpty)
        #expect(example.lines(of: "notify.out").count == lines.count)
    }

    @Test func theNextInstantIsTheNextOwedReminder() throws {
        let example = try ExampleStore()
        let dispatcher = example.dispatcher()
        let now = ExampleStore.tuesday
        _ = try dispatcher.deliverDue(now: now)
        let next = try #require(try dispatcher.nextInstant(after: now))
        #expect(next > now)
        // Nothing is owed just before it; something is at it.
        #expect(try dispatcher.deliverDue(now: next.adding(seconds: -1)).attempts.isEmpty)
        #expect(try !dispatcher.deliverDue(now: next).attempts.isEmpty)
    }

    @Test func remindersMissedWhileDownAreSentOnceLateAndOnlyTheLatestPerTaskAndPerson() throws {
        let example = try ExampleStore()
        try example.sendRemindersToRecordingChannel("notify")
        let start = ExampleStore.tuesday
        _ = try example.dispatcher().deliverDue(now: start)
        let before = example.lines(of: "notify.out").count
        // The daemon was down for three days.
        let back = start.adding(seconds: 3 * 86_400)
        let report = try example.dispatcher().deliverDue(now: back)
        let sent = report.attempts.filter { $0.attempt.channel == "notify" }
        #expect(!sent.isEmpty)
        #expect(sent.allSatisfy { $0.attempt.late })
        #expect(report.settled[.late] == sent.count)
        let pairs = sent.map { "\($0.task?.hex ?? "") \($0.recipient)" }
        #expect(Set(pairs).count == pairs.count)
        #expect(example.lines(of: "notify.out").count == before + sent.count)
        #expect(try example.dispatcher().deliverDue(now: back).attempts.isEmpty)

        let late = try DatabaseQueue(path: example.store.path).read { db in
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM deliveries WHERE late = 1 AND channel = 'notify' AND at = ?",
                arguments: [back.secondsSinceEpoch])
        }
        #expect(late == sent.count)
    }

    @Test func remindersOfTasksNoLongerPendingAreNotSent() throws {
        let example = try ExampleStore()
        let now = ExampleStore.tuesday.adding(seconds: 86_400)
        let owed = try example.store.owedReminders(through: now)
        let task = try #require(owed.first?.task)
        _ = try example.store.complete(task.id, note: "done early", at: ExampleStore.tuesday, actor: "alice")
        let report = try example.dispatcher().deliverDue(now: now)
        #expect(!report.attempts.contains { $0.task == task.id })
        #expect((report.settled[.skipped] ?? 0) >= 1)
    }

    @Test func aCrashBetweenSendingAndRecordingResendsOnlyThatMessage() throws {
        let example = try ExampleStore()
        try example.sendRemindersToRecordingChannel("notify")
        let now = ExampleStore.tuesday.adding(seconds: 6 * 3_600)
        let report = try example.dispatcher().deliverDue(now: now)
        let sent = example.lines(of: "notify.out").count
        let victim = try #require(report.attempts.first { $0.attempt.channel == "notify" }?.task)
        // As if the process died after the program ran and before the store recorded it.
        try DatabaseQueue(path: example.store.path).write { db in
            try db.execute(
                sql: """
                    DELETE FROM deliveries WHERE channel = 'notify' AND reminder IN (SELECT id FROM reminders WHERE task = ?);
                    UPDATE reminders SET settled_for = NULL, settled_as = NULL WHERE task = ?;
                    """, arguments: [victim.hex, victim.hex])
        }
        let restarted = try example.dispatcher().deliverDue(now: now)
        #expect(restarted.attempts.allSatisfy { $0.task == victim && $0.attempt.channel == "notify" })
        #expect(!restarted.attempts.isEmpty)
        #expect(example.lines(of: "notify.out").count == sent + restarted.attempts.count)
        #expect(try example.dispatcher().deliverDue(now: now).attempts.isEmpty)
    }
}
