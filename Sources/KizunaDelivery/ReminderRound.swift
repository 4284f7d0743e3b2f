import KizunaCore
import KizunaStore

/// The reminders of one delivery round being sent: which channel of which reminder goes next,
/// and the attempts made so far. Lives on the thread that hands out the sends and records them.
struct ReminderRound {
    /// One message on one channel.
    struct Send: Sendable {
        /// The reminder's place in the round.
        let reminder: Int
        let channel: String
        let message: DeliveryMessage
    }

    /// A reminder to send, and where it stands.
    struct Outgoing {
        let owed: OwedReminder
        /// Whether it goes out later than it was owed.
        let late: Bool
        /// The channels still to try now, in order.
        var channels: [String]
        /// The attempts made for its instant, this round's included.
        var attempts: [DeliveryAttempt]
    }

    private(set) var reminders: [Outgoing]
    /// Writes a reminder's message as it starts, so that a large round does not hold every
    /// message at once.
    private let compose: (Outgoing) -> DeliveryMessage
    /// The reminder after the last one started.
    private var nextReminder = 0
    /// The next channel of reminders whose previous channel was recorded: they go first.
    private var followUps: [Send] = []

    /// A round over `reminders`, started in this order, each with the message `compose`
    /// writes; those with no channel to try now are left out.
    init(_ reminders: [Outgoing], compose: @escaping (Outgoing) -> DeliveryMessage) {
        self.reminders = reminders.filter { !$0.channels.isEmpty }
        self.compose = compose
    }

    /// The next message to send: the next channel of a reminder already started, or else the
    /// first of the next reminder; `nil` when none is left for now.
    mutating func next() -> Send? {
        if !followUps.isEmpty { return followUps.removeFirst() }
        guard nextReminder < reminders.count else { return nil }
        defer { nextReminder += 1 }
        return send(nextReminder, compose(reminders[nextReminder]))
    }

    /// Notes `attempt` of `send` (recorded in the store) and returns whether that reminder is
    /// done with: every channel it had to try now was tried.
    mutating func sent(_ send: Send, attempt: DeliveryAttempt) -> Bool {
        reminders[send.reminder].attempts.append(attempt)
        reminders[send.reminder].channels.removeFirst()
        guard !reminders[send.reminder].channels.isEmpty else { return true }
        followUps.append(self.send(send.reminder, send.message))
        return false
    }

    /// `message` on the next channel of `reminder`.
    private func send(_ reminder: Int, _ message: DeliveryMessage) -> Send {
        Send(reminder: reminder, channel: reminders[reminder].channels[0], message: message)
    }
}
