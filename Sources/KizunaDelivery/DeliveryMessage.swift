import KizunaCore
import KizunaStore

/// What a channel sends: a reminder of one task, or a person's morning digest. Encoded as
/// JSON, it is the body of a webhook (its `text` field is Slack-compatible) and the stdin
/// of an `exec` program.
public struct DeliveryMessage: Encodable, Sendable {
    public enum Kind: String, Encodable, Sendable {
        case reminder, digest
    }

    /// A reminder's task, as people see it.
    public struct Reminder: Encodable, Sendable {
        public let timing: String
        /// When the reminder was owed (ISO 8601, in the task's zone).
        public let instant: String
        public let task: TaskReport
    }

    /// A digest's day and list.
    public struct Digest: Encodable, Sendable {
        public let date: String
        public let timezone: String
        public let tasks: [TaskReport]
    }

    public let kind: Kind
    /// The person told: a name or handle, as tasks and `escalate to` give it.
    public let recipient: String
    /// The recipient's address on the channel, when the configuration gives one.
    public var address: String?
    /// The channel's name, filled in as the message is sent on each.
    public var channel: String = ""
    /// Whether the message goes out later than it was owed.
    public let late: Bool
    /// One line for a mail's subject and a log line.
    public let subject: String
    /// The whole message for people: a chat message, a mail's body.
    public let text: String
    public let reminder: Reminder?
    public let digest: Digest?

    public init(
        kind: Kind, recipient: String, late: Bool, subject: String, text: String, reminder: Reminder? = nil, digest: Digest? = nil
    ) {
        self.kind = kind
        self.recipient = recipient
        self.late = late
        self.subject = subject
        self.text = text
        self.reminder = reminder
        self.digest = digest
    }

    enum CodingKeys: String, CodingKey {
        case kind, recipient, address, channel, late, subject, text, reminder, digest
    }
}
