import Foundation
import GRDB
import KizunaCore
import KizunaDelivery
import KizunaStore
import Testing

@Suite(.timeLimit(.minutes(5)))
struct RetryAndSnoozeTests {
    @Test func aChannelThatKeepsFailingIsGivenUpAfterItsLastAttemptAndStaysVisible() throws {
        let example = try ExampleStore()
        try example.addRecordingChannel("broken", exitStatus: 3)
        example.configuration.delivery.defaultChannels = ["broken"]
        example.configuration.delivery.retry = RetryPolicy(attempts: 2, firstDelaySeconds: 60, maximumDelaySeconds: 60)
        let dispatcher = example.dispatcher()
        let first = ExampleStore.tuesday
        let tried = try dispatcher.deliverDue(now: first)
        let task = try #require(tried.attempts.first { $0.attempt.channel == "broken" }?.task)
        #expect(tried.attempts.first { $0.task == task && $0.attempt.channel == "broken" }?.attempt.error == "\(example.folder)/broken.sh exited 3")
        let last = try dispatcher.deliverDue(now: first.adding(seconds: 60))
        #expect(last.attempts.contains { $0.task == task && $0.attempt.attempt == 2 && $0.attempt.outcome == .failed })
        #expect((last.settled[.failed] ?? 0) >= 1)
        // Nothing more is tried, and status still shows it.
        #expect(try !dispatcher.deliverDue(now: first.adding(seconds: 7_200)).attempts.contains { $0.task == task })
        #expect(try example.store.deliveryHealth(latest: 3).failing >= 1)
        let shown = try example.store.reminderDeliveries(of: task)
        #expect(shown.contains { $0.settlement == .failed && $0.attempts.count { $0.channel == "broken" } == 2 })
    }

    @Test func aSnoozedTasksRemindersWaitForTheSnoozeToEnd() throws {
        let example = try ExampleStore()
        try example.sendRemindersToRecordingChannel("notify")
        let dispatcher = example.dispatcher()
        let now = ExampleStore.tuesday
        let next = try #require(try dispatcher.nextInstant(after: now))
        let owed = try #require(try example.store.owedReminders(through: next).first { $0.reminder.instant == next })
        let until = next.adding(seconds: 3 * 3_600)
        _ = try example.store.snooze(owed.task.id, until: until, reason: "on a plane", at: now, actor: "alice")
        #expect(try !dispatcher.deliverDue(now: next).attempts.contains { $0.task == owed.task.id })
        #expect(try dispatcher.nextInstant(after: next) ?? until <= until)
        let after = try dispatcher.deliverDue(now: until)
        #expect(after.attempts.contains { $0.task == owed.task.id && $0.attempt.channel == "notify" && $0.attempt.outcome == .delivered })
    }

    @Test func aReminderThatPlanningMovesIsOwedAgainAtItsNewInstant() throws {
        let example = try ExampleStore()
        try example.sendRemindersToRecordingChannel("notify")
        let dispatcher = example.dispatcher()
        let now = ExampleStore.tuesday
        _ = try dispatcher.deliverDue(now: now)
        let reminder = try #require(try example.store.owedReminders(through: now.adding(seconds: 86_400)).first)
        _ = try dispatcher.deliverDue(now: reminder.reminder.instant)
        #expect(try !example.store.owedReminders(through: reminder.reminder.instant).contains { $0.id == reminder.id })
        // A plan moves the task a day later: the reminder is owed again then, once.
        let moved = reminder.reminder.instant.adding(seconds: 86_400)
        try DatabaseQueue(path: example.store.path).write { db in
            try db.execute(sql: "UPDATE reminders SET instant = ? WHERE id = ?", arguments: [moved.secondsSinceEpoch, reminder.id])
        }
        #expect(try dispatcher.deliverDue(now: moved).attempts.contains { $0.task == reminder.task.id })
        #expect(try !dispatcher.deliverDue(now: moved).attempts.contains { $0.task == reminder.task.id })
    }
}
