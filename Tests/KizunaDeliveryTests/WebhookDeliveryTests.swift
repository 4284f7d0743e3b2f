import Foundation
import KizunaCore
import KizunaDelivery
import KizunaStore
import KizunaTestSupport
import Testing

@Suite(.timeLimit(.minutes(5)))
struct WebhookDeliveryTests {
    @Test func aFailedPostIsVisibleRetriedWithBackoffThenDelivered() throws {
        let example = try ExampleStore()
        let receiver = try HTTPReceiver(folder: example.folder, failures: 1)
        example.configuration.delivery.channels["chat"] = ChannelSettings(name: "chat", kind: .webhook(url: receiver.url), timeoutSeconds: 5)
        example.configuration.delivery.defaultChannels = ["chat"]
        example.configuration.delivery.retry = RetryPolicy(attempts: 5, firstDelaySeconds: 60, maximumDelaySeconds: 600)
        let dispatcher = example.dispatcher()
        // The first reminders of the day: sent together, the one the receiver got first fails.
        let first = try #require(try dispatcher.nextInstant(after: ExampleStore.tuesday))
        let report = try dispatcher.deliverDue(now: first)
        let chat = report.attempts.filter { $0.attempt.channel == "chat" }
        let failed = try #require(chat.first { $0.attempt.outcome == .failed })
        #expect(chat.count { $0.attempt.outcome == .failed } == 1)
        #expect(failed.attempt.error?.contains("500") == true)

        let health = try example.store.deliveryHealth(latest: 5)
        #expect(health.failing == chat.count { $0.attempt.outcome == .failed })
        #expect(health.latestErrors.first?.attempt.error?.contains("500") == true)

        // The retry waits a minute (the first backoff), then goes through.
        let retry = try #require(try dispatcher.nextInstant(after: first))
        #expect(retry <= first.adding(seconds: 60))
        #expect(try dispatcher.deliverDue(now: first.adding(seconds: 30)).attempts.filter { $0.attempt.channel == "chat" && $0.attempt.attempt > 1 }.isEmpty)
        let later = try dispatcher.deliverDue(now: first.adding(seconds: 60))
        let retried = later.attempts.filter { $0.attempt.channel == "chat" && $0.attempt.attempt == 2 }
        #expect(retried.count == 1)
        #expect(retried.first?.attempt.outcome == .delivered)
        #expect(try example.store.deliveryHealth(latest: 5).failing == 0)
        let bodies = receiver.received
        #expect(bodies.count == chat.count + later.attempts.count { $0.attempt.channel == "chat" })
        #expect((bodies.last?["text"] as? String)?.hasPrefix("Reminder (") == true)
        #expect(bodies.last?["recipient"] as? String == failed.recipient)
    }

    @Test func aReceiverThatNeverAnswersFailsTheAttemptAtTheTimeout() throws {
        let example = try ExampleStore()
        let receiver = try HTTPReceiver(folder: example.folder, failures: 0, silent: true)
        let started = Date()
        let channel = WebhookChannel(url: receiver.url, timeoutSeconds: 1)
        #expect(throws: DeliveryFailure.self) {
            try channel.send(DeliveryMessage(kind: .digest, recipient: "alice", late: false, subject: "Today", text: "Nothing due"))
        }
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(receiver.received.count == 1)
    }
}
