import Foundation
import KizunaCore
import Testing

struct DeliveryConfigurationTests {
    func load(_ text: String) throws -> Configuration {
        let path = NSTemporaryDirectory() + "kizuna-delivery-config-\(UUID().uuidString).yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try ConfigurationLoader.load(path: path)
    }

    func problems(_ text: String) throws -> [String] {
        do {
            _ = try load(text)
            return []
        } catch let list as DiagnosticList {
            return list.diagnostics.map { $0.description.components(separatedBy: ".yaml").last ?? "" }
        }
    }

    static let base = "kizuna: 1\ntimezone: America/New_York\n"

    @Test func channelsPeopleAndTheDigestAreRead() throws {
        let configuration = try load(
            Self.base + """
                channels:
                  chat: { type: webhook, url: "https://hooks.example.com/T0", timeout: 5 seconds }
                  notify: { type: exec, command: [/usr/local/bin/notify, --json] }
                  email: { type: mail, from: kizuna@example.com }
                reminders:
                  channels: [chat]
                  retry: { attempts: 4, first: 30 seconds, max: 2 hours }
                  late_after: 10 minutes
                people:
                  alice: { address: { email: alice@example.com }, channels: [email], timezone: Europe/London }
                digest: { at: "08:30", channels: [email] }
                """)
        let delivery = configuration.delivery
        #expect(delivery.channels["chat"]?.kind == .webhook(url: "https://hooks.example.com/T0"))
        #expect(delivery.channels["chat"]?.timeoutSeconds == 5)
        #expect(delivery.channels["notify"]?.kind == .exec(command: ["/usr/local/bin/notify", "--json"]))
        #expect(delivery.channels["email"]?.kind == .mail(sendmail: "/usr/sbin/sendmail", from: "kizuna@example.com", to: nil))
        #expect(delivery.defaultChannels == ["chat"])
        #expect(delivery.retry == RetryPolicy(attempts: 4, firstDelaySeconds: 30, maximumDelaySeconds: 7_200))
        #expect(delivery.lateAfterSeconds == 600)
        #expect(delivery.people["alice"]?.addresses == ["email": "alice@example.com"])
        #expect(delivery.people["alice"]?.zone == Zone.named("Europe/London"))
        #expect(delivery.digest == DigestSettings(at: LocalTime("08:30")!, channels: ["email"]))
        #expect(delivery.channels(for: "alice") == ["log", "email"])
        #expect(delivery.channels(for: "bob") == ["log", "chat"])
        #expect(delivery.channels(for: "bob", named: "notify") == ["log", "notify"])
    }

    @Test func mistakesAreReportedWithLineAndColumn() throws {
        let found = try problems(
            Self.base + """
                channels:
                  chat: { type: webhok, url: "https://hooks.example.com/T0" }
                  notify: { type: exec, command: [notify] }
                  email: { type: mail, url: "https://x" }
                reminders:
                  channels: [chta]
                digest: { at: "8h30" }
                """)
        #expect(found.contains { $0.hasPrefix(":4:17: error: unknown channel type `webhok`") })
        #expect(found.contains { $0.hasPrefix(":5:35: error: the program `notify` must be an absolute path") })
        #expect(found.contains { $0.hasPrefix(":6:24: error: a mail channel takes no `url`") })
        #expect(found.contains { $0.hasPrefix(":8:14: error: unknown channel `chta`") })
        #expect(found.contains { $0.hasPrefix(":9:15: error: expected a time of day") })
    }
}
