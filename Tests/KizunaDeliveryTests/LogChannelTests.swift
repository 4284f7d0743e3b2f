import KizunaCore
import KizunaDelivery
import KizunaStore
import Logging
import Testing

@Suite(.timeLimit(.minutes(5)))
struct LogChannelTests {
    @Test func everyReminderIsLoggedWithItsCustomerTaskAndPlaybook() throws {
        let example = try ExampleStore()
        let entries = RecordingLogHandler.Entries()
        let logger = Logger(label: "kizunad") { _ in RecordingLogHandler(entries: entries) }
        let dispatcher = ReminderDispatcher(store: example.store, configuration: example.configuration, logger: logger)
        let report = try dispatcher.deliverDue(now: ExampleStore.tuesday)
        let logged = report.attempts.filter { $0.attempt.channel == "log" }
        #expect(!logged.isEmpty)
        let lines = entries.all.filter { $0.metadata["kind"] == "reminder" }
        #expect(lines.count == logged.count)
        let first = try #require(lines.first)
        let task = try #require(logged.first?.task)
        let stored = try #require(try example.store.task(id: task))
        #expect(first.level == .info)
        #expect(first.message.hasPrefix("Reminder ("))
        #expect(first.metadata["task"] == .string(task.hex))
        #expect(first.metadata["customer"] == .string(stored.customer))
        #expect(first.metadata["playbook"] == .string(stored.playbook))
        #expect(first.metadata["recipient"] != nil)
    }
}
