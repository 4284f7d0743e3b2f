import Foundation
import GRDB
import KizunaTestSupport

/// Two reminder channels declared in a sandbox's configuration: `notify`, an `exec` script
/// that appends what it reads on stdin to a file, and `chat`, a webhook to a local HTTP
/// receiver. Every reminder goes to both (and to the log).
final class ReminderChannels {
    let receiver: HTTPReceiver
    private let folder: URL

    /// The exec script's output, one message per line, each written at once: several
    /// programs run together.
    var execFile: URL { folder.appendingPathComponent("notify.out") }
    /// While this file exists, the exec script sleeps a second after writing a message.
    var slowFlag: URL { folder.appendingPathComponent("notify.slow") }

    /// Declares the channels in the sandbox's configuration; the receiver answers 500 to the
    /// first `webhookFailures` messages.
    init(_ sandbox: Sandbox, webhookFailures: Int = 0) throws {
        folder = sandbox.folder
        receiver = try HTTPReceiver(folder: sandbox.folder.path, failures: webhookFailures)
        let script = folder.appendingPathComponent("notify.sh")
        try """
            #!/bin/sh
            message=$(cat)
            printf '%s\n' "$message" >> '\(execFile.path)'
            if [ -e '\(slowFlag.path)' ]; then sleep 1; fi
            """.write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: sandbox.config))
        try handle.seekToEnd()
        try handle.write(
            contentsOf: Data(
                """

                channels:
                  notify: { type: exec, command: ["\(script.path)"], timeout: 10 seconds }
                  chat: { type: webhook, url: "\(receiver.url)", timeout: 2 seconds }
                reminders:
                  channels: [notify, chat]

                """.utf8))
        try handle.close()
    }

    /// The messages the exec script received, as JSON objects.
    var execMessages: [[String: Any]] {
        guard let text = try? String(contentsOf: execFile, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }
}

/// One reminder message as a channel received it: which reminder it is, and whether late.
struct ReceivedReminder: Hashable {
    var task: String
    var recipient: String
    var timing: String
    var late: Bool

    init?(_ message: [String: Any]) {
        guard let reminder = message["reminder"] as? [String: Any], let task = reminder["task"] as? [String: Any],
            let id = task["id"] as? String, let recipient = message["recipient"] as? String,
            let timing = reminder["timing"] as? String
        else { return nil }
        (self.task, self.recipient, self.timing, late) = (id, recipient, timing, message["late"] as? Bool ?? false)
    }

    /// The reminder, whatever the delivery.
    var key: String { "\(task) \(recipient) \(timing)" }
}

extension StoreFile {
    /// The first reminder's instant after `instant` (seconds since the epoch).
    static func nextReminder(_ path: String, after instant: Int) throws -> Int? {
        try DatabaseQueue(path: path).read { db in
            try Int.fetchOne(db, sql: "SELECT min(instant) FROM reminders WHERE instant > ?", arguments: [instant])
        }
    }

    /// Reminders owed by `instant` that are not settled yet.
    static func unsettledReminders(_ path: String, through instant: Int) throws -> Int {
        try count(path, "SELECT count(*) FROM reminders WHERE instant <= ? AND settled_for IS NOT instant", [instant])
    }

    /// Reminders settled as sent (on time or late).
    static func sentReminders(_ path: String) throws -> Int {
        try count(path, "SELECT count(*) FROM reminders WHERE settled_as IN ('delivered', 'late')")
    }

    /// The reminders owed at exactly `instant`.
    static func reminders(_ path: String, at instant: Int) throws -> Int {
        try count(path, "SELECT count(*) FROM reminders WHERE instant = ?", [instant])
    }

    /// The delivered attempts on `channel` of the reminders owed at `instant`: when, and whether late.
    static func deliveries(_ path: String, forRemindersAt instant: Int, channel: String) throws -> [(at: Int, late: Bool)] {
        try DatabaseQueue(path: path).read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT deliveries.at, deliveries.late FROM deliveries JOIN reminders ON reminders.id = deliveries.reminder
                    WHERE reminders.instant = ? AND deliveries.channel = ? AND outcome = 'delivered'
                    """, arguments: [instant, channel]
            ).map { ($0["at"], $0["late"]) }
        }
    }

    /// Delivered attempts on `channel` marked late.
    static func lateDeliveries(_ path: String, channel: String) throws -> Int {
        try count(path, "SELECT count(*) FROM deliveries WHERE channel = ? AND outcome = 'delivered' AND late = 1", [channel])
    }

    /// Failed attempts on every channel.
    static func failedDeliveries(_ path: String) throws -> Int {
        try count(path, "SELECT count(*) FROM deliveries WHERE outcome = 'failed'")
    }

    /// The one number `sql` counts.
    private static func count(_ path: String, _ sql: String, _ arguments: StatementArguments = []) throws -> Int {
        try DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0 }
    }
}
