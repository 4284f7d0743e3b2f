import Foundation
import KizunaCore
import KizunaDelivery
import KizunaStore
import Testing

@Suite(.timeLimit(.minutes(5)))
struct MailDeliveryTests {
    @Test func mailGoesThroughSendmailToThePersonsAddress() throws {
        let example = try ExampleStore()
        let sendmail = try example.script(
            "sendmail", "#!/bin/sh\n{ echo \"ARGS $*\"; cat; echo '.'; } >> '\(example.folder)/mail.out'\n")
        example.configuration.delivery.channels["email"] = ChannelSettings(
            name: "email", kind: .mail(sendmail: sendmail, from: "Kizuna <kizuna@example.com>", to: "cs-team@example.com"))
        example.configuration.delivery.defaultChannels = ["email"]
        example.configuration.delivery.people["alice"] = PersonSettings(addresses: ["email": "alice@example.com"])
        let report = try example.dispatcher().deliverDue(now: ExampleStore.tuesday.adding(seconds: 6 * 3_600))
        let mails = report.attempts.filter { $0.attempt.channel == "email" }
        #expect(!mails.isEmpty)
        #expect(mails.allSatisfy { $0.attempt.outcome == .delivered })
        let lines = example.lines(of: "mail.out")
        #expect(lines.count { $0 == "ARGS -t -i" } == mails.count)
        #expect(lines.contains("From: Kizuna <kizuna@example.com>"))
        let toAlice = mails.count { $0.recipient == "alice" }
        #expect(lines.count { $0 == "To: alice@example.com" } == toAlice)
        #expect(lines.count { $0 == "To: cs-team@example.com" } == mails.count - toAlice)
        #expect(lines.contains { $0.hasPrefix("Subject: Reminder (") })
    }

    @Test func aFailingSendmailIsRecordedWithWhatItSaid() throws {
        let example = try ExampleStore()
        let sendmail = try example.script("sendmail", "#!/bin/sh\ncat > /dev/null\necho 'relay refused' >&2\nexit 75\n")
        example.configuration.delivery.channels["email"] = ChannelSettings(
            name: "email", kind: .mail(sendmail: sendmail, from: nil, to: "cs-team@example.com"))
        example.configuration.delivery.defaultChannels = ["email"]
        let report = try example.dispatcher().deliverDue(now: ExampleStore.tuesday.adding(seconds: 6 * 3_600))
        let failed = report.attempts.filter { $0.attempt.channel == "email" }
        #expect(!failed.isEmpty)
        #expect(failed.allSatisfy { $0.attempt.error?.contains("exited 75: relay refused") == true })
    }
}
