import Foundation
import KizunaTestSupport
import Testing

/// The real `kizunad` delivering the example's reminders through an `exec` channel and a
/// webhook to a local HTTP receiver, on a pinned (virtual) clock: on time, late after
/// downtime, after a `kill -9` in the middle of a delivery, and across clean restarts.
@Suite(.serialized, .timeLimit(.minutes(5))) struct DaemonDeliveryTests {
    /// Two days after the sandbox's Tuesday: the reminders of those days are owed.
    static let thursday = "2026-11-26T09:30:00-05:00"

    @Test func aReminderArrivesOnceOnEachChannelWithinASecondOfItsInstant() throws {
        let sandbox = try Sandbox()
        let channels = try ReminderChannels(sandbox)
        // What is owed at the sandbox's instant goes out first; a clean restart sends none of it again.
        let first = try DaemonProcess(sandbox)
        #expect(try deliveredEverythingOwed(sandbox, through: Sandbox.tuesday, daemon: first))
        first.send(SIGTERM)
        #expect(first.exitStatus(within: .seconds(2)) == 0)
        let before = (channels.execMessages.count, channels.receiver.received.count)

        let next = try #require(try StoreFile.nextReminder(sandbox.storePath, after: epoch(Sandbox.tuesday)))
        let owed = try StoreFile.reminders(sandbox.storePath, at: next)
        let daemon = try DaemonProcess(sandbox, environment: ["KIZUNA_NOW": iso8601(next - 3)])
        let arrived = eventually(within: .seconds(10)) {
            channels.execMessages.count >= before.0 + owed && channels.receiver.received.count >= before.1 + owed
        }
        #expect(arrived, "\(daemon.logText)")
        usleep(500_000)
        #expect(channels.execMessages.count == before.0 + owed)
        #expect(channels.receiver.received.count == before.1 + owed)
        for channel in ["notify", "chat"] {
            let deliveries = try StoreFile.deliveries(sandbox.storePath, forRemindersAt: next, channel: channel)
            #expect(deliveries.count == owed, "\(channel)")
            #expect(deliveries.allSatisfy { $0.at >= next && $0.at <= next + 1 && !$0.late }, "\(deliveries)")
        }
    }

    @Test func remindersMissedWhileDownAreSentOnceAtStartMarkedLate() throws {
        let sandbox = try Sandbox()
        let channels = try ReminderChannels(sandbox)
        let daemon = try DaemonProcess(sandbox, environment: ["KIZUNA_NOW": Self.thursday])
        #expect(try deliveredEverythingOwed(sandbox, through: Self.thursday, daemon: daemon))
        let sent = try StoreFile.sentReminders(sandbox.storePath)
        #expect(sent > 0)
        let received = channels.execMessages.compactMap(ReceivedReminder.init)
        #expect(received.count == sent)
        #expect(Set(received.map(\.key)).count == sent)
        #expect(received.contains { $0.late })
        #expect(try StoreFile.lateDeliveries(sandbox.storePath, channel: "notify") == received.count { $0.late })
        #expect(channels.receiver.received.compactMap(ReceivedReminder.init).count == sent)

        // A clean stop and a restart: nothing is sent twice.
        daemon.send(SIGTERM)
        #expect(daemon.exitStatus(within: .seconds(2)) == 0)
        let restarted = try DaemonProcess(sandbox, environment: ["KIZUNA_NOW": Self.thursday])
        #expect(restarted.waitForPlan(cause: "start", within: .seconds(10)) != nil)
        usleep(500_000)
        #expect(channels.execMessages.count == received.count, "\(restarted.logText)")
        #expect(channels.receiver.received.count == sent)
    }

    /// Killed, the daemon may send again only the messages in flight (at most 8 per channel);
    /// stopped (SIGTERM), it finishes and records them within about a second, starts no
    /// other, and leaves the backlog owed.
    @Test(arguments: [SIGKILL, SIGTERM]) func aDaemonInterruptedWhileDeliveringLosesNothingAfterARestart(signal: Int32) throws {
        let sandbox = try Sandbox()
        let channels = try ReminderChannels(sandbox)
        // A second per message: the reminders missed since Tuesday would take a minute.
        _ = FileManager.default.createFile(atPath: channels.slowFlag.path, contents: nil)
        let interrupted = try DaemonProcess(sandbox, environment: ["KIZUNA_NOW": Self.thursday])
        #expect(eventually(within: .seconds(10)) { channels.execMessages.count >= 2 }, "\(interrupted.logText)")
        // The exec programs are in their second's sleep: their messages are sent and not yet recorded.
        interrupted.send(signal)
        if signal == SIGKILL {
            interrupted.process.waitUntilExit()
        } else {
            #expect(interrupted.exitStatus(within: .seconds(2)) == 0, "\(interrupted.logText)")
        }
        try FileManager.default.removeItem(at: channels.slowFlag)
        #expect(try StoreFile.unsettledReminders(sandbox.storePath, through: epoch(Self.thursday)) > 0)

        let restarted = try DaemonProcess(sandbox, environment: ["KIZUNA_NOW": Self.thursday])
        #expect(try deliveredEverythingOwed(sandbox, through: Self.thursday, daemon: restarted))
        let sent = try StoreFile.sentReminders(sandbox.storePath)
        for received in [channels.execMessages, channels.receiver.received] {
            let keys = received.compactMap(ReceivedReminder.init).map(\.key)
            #expect(Set(keys).count == sent)
            #expect(keys.count - Set(keys).count <= (signal == SIGKILL ? 8 : 0))
        }
    }

    @Test func statusShowsTheFailingDeliveriesAndTheirLatestErrors() throws {
        let sandbox = try Sandbox()
        let channels = try ReminderChannels(sandbox, webhookFailures: 1_000)
        let daemon = try DaemonProcess(sandbox, environment: ["KIZUNA_NOW": Self.thursday])
        #expect(eventually(within: .seconds(10)) { (try? StoreFile.failedDeliveries(sandbox.storePath)) ?? 0 > 0 }, "\(daemon.logText)")
        let text = try sandbox.run(["status"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains(#/deliveries: \d+ failing/#), "\(text.stdout)")
        #expect(text.stdout.contains(#/\n  \S+ chat to \S+ \(task \w{7}, attempt 1\): .*500/#), "\(text.stdout)")
        let json = try sandbox.run(["status", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let deliveries = try #require(object["deliveries"] as? [String: Any])
        #expect(deliveries["failing"] as? Int ?? 0 > 0)
        let latest = try #require((deliveries["latestErrors"] as? [[String: Any]])?.first)
        #expect(latest["channel"] as? String == "chat")
        #expect((latest["error"] as? String)?.contains("500") == true, "\(latest)")
        #expect(!channels.receiver.received.isEmpty)
    }

    @Test func statusSaysNoDeliveryFails() throws {
        let sandbox = try Sandbox()
        let text = try sandbox.run(["status"])
        #expect(text.stdout.contains("deliveries: none failing"), "\(text.stdout)")
    }

    /// Waits until the daemon has settled every reminder owed by `instant` (an ISO 8601 instant).
    private func deliveredEverythingOwed(_ sandbox: Sandbox, through instant: String, daemon: DaemonProcess) throws -> Bool {
        guard daemon.waitForPlan(cause: "start", within: .seconds(10)) != nil else { return false }
        let through = try epoch(instant)
        return try eventually(within: .seconds(30)) { try StoreFile.unsettledReminders(sandbox.storePath, through: through) == 0 }
    }
}

/// Seconds since the epoch of an ISO 8601 instant.
func epoch(_ text: String) throws -> Int {
    Int(try #require(ISO8601DateFormatter().date(from: text)).timeIntervalSince1970)
}

/// An instant, seconds since the epoch, as ISO 8601 in UTC.
func iso8601(_ seconds: Int) -> String {
    ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
}
