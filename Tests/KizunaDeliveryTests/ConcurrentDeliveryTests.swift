import Foundation
import KizunaCore
import KizunaDelivery
import KizunaStore
import Synchronization
import Testing

/// A round's reminders go out several at once, with every guarantee of one at a time.
@Suite(.timeLimit(.minutes(5)))
struct ConcurrentDeliveryTests {
    static let now = ExampleStore.tuesday.adding(seconds: 6 * 3_600)

    /// An `exec` channel whose program notes in `name.out` when it starts and when it ends
    /// (`start TASK RECIPIENT`, `end TASK RECIPIENT`), dawdling in between, and fails at once
    /// for `failing` (`TASK RECIPIENT`).
    func addDawdlingChannel(_ name: String, to example: ExampleStore, failing: String = "none") throws {
        let path = try example.script(
            "\(name).sh",
            """
            #!/bin/sh
            cat > /dev/null
            echo "start $KIZUNA_TASK $KIZUNA_RECIPIENT" >> '\(example.folder)/\(name).out'
            [ "$KIZUNA_TASK $KIZUNA_RECIPIENT" = '\(failing)' ] && exit 1
            sleep 0.2
            echo "end $KIZUNA_TASK $KIZUNA_RECIPIENT" >> '\(example.folder)/\(name).out'
            """)
        example.configuration.delivery.channels[name] = ChannelSettings(name: name, kind: .exec(command: [path]), timeoutSeconds: 10)
        example.configuration.delivery.defaultChannels = [name]
    }

    /// The most programs that had started and not ended at any point, by the order of the lines.
    func mostAtOnce(_ lines: [String]) -> Int {
        var running = 0
        var most = 0
        for line in lines {
            running += line.hasPrefix("start ") ? 1 : -1
            most = max(most, running)
        }
        return most
    }

    @Test func remindersOwedAtOnceAreSentSeveralAtATimeWithinTheBound() throws {
        let example = try ExampleStore()
        try addDawdlingChannel("notify", to: example)
        let report = try example.dispatcher().deliverDue(now: Self.now)
        let lines = example.lines(of: "notify.out")
        let sent = report.attempts.count { $0.attempt.channel == "notify" }
        #expect(sent > 2)
        #expect(lines.count { $0.hasPrefix("start ") } == sent)
        #expect(lines.count { $0.hasPrefix("end ") } == sent)
        let most = mostAtOnce(lines)
        #expect(most > 1)
        #expect(most <= 8)
        #expect(report.failed == 0)
        #expect(try example.dispatcher().deliverDue(now: Self.now).attempts.isEmpty)
    }

    @Test func aFailingChannelForOneReminderStillRecordsTheOthers() throws {
        let example = try ExampleStore()
        // The latest reminder owed is the latest of its task to its person: it is sent.
        let victim = try #require(try example.store.owedReminders(through: Self.now).last { $0.task.state.isPending })
        try addDawdlingChannel("notify", to: example, failing: "\(victim.task.id.hex) \(victim.reminder.recipient)")
        let report = try example.dispatcher().deliverDue(now: Self.now)
        let failed = report.attempts.filter { $0.attempt.outcome == .failed }
        #expect(failed.count == 1)
        #expect(failed.first?.task == victim.task.id)
        #expect(report.delivered == report.attempts.count - 1)
        #expect(report.delivered > 0)
        // Only the victim's reminder is still owed, with its failed attempt, for its retry.
        let owed = try example.store.owedReminders(through: Self.now).filter { $0.task.state.isPending }
        #expect(owed.map(\.id) == [victim.id])
        #expect(owed.first?.attempts.filter { $0.channel == "notify" }.map(\.outcome) == [.failed])
    }

    @Test func aStopInTheMiddleOfARoundSendsNothingMoreAndLeavesTheRestOwed() throws {
        let example = try ExampleStore()
        try addDawdlingChannel("notify", to: example)
        let asked = Mutex(0)
        let stopped = try example.dispatcher().deliverDue(now: Self.now) { asked.withLock { $0 += 1; return $0 > 10 } }
        // Ten messages were started before the stop (the log's and the program's), and each
        // was waited for and recorded.
        #expect(stopped.attempts.count == 10)
        #expect(stopped.delivered == 10)
        let programs = stopped.attempts.count { $0.attempt.channel == "notify" }
        #expect(programs > 0)
        #expect(example.lines(of: "notify.out").count { $0.hasPrefix("start ") } == programs)
        #expect(example.lines(of: "notify.out").count { $0.hasPrefix("end ") } == programs)
        #expect(try !example.store.owedReminders(through: Self.now).filter { $0.task.state.isPending }.isEmpty)

        // After a restart the rest go out, and none of the first ten again.
        let restarted = try ReminderDispatcherUnderTest(store: Store(stateDirectory: example.folder), configuration: example.configuration)
            .deliverDue(now: Self.now)
        #expect(!restarted.attempts.isEmpty)
        let sent = example.lines(of: "notify.out").filter { $0.hasPrefix("start ") }
        #expect(sent.count == (stopped.attempts + restarted.attempts).count { $0.attempt.channel == "notify" })
        #expect(Set(sent).count == sent.count)
        #expect(try example.dispatcher().deliverDue(now: Self.now).attempts.isEmpty)
    }
}
