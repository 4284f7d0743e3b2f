import KizunaCore

/// One try at sending a reminder or a digest on one channel.
public struct DeliveryAttempt: Hashable, Sendable {
    public enum Outcome: String, Sendable {
        case delivered, failed
    }

    public var channel: String
    /// 1 for the first try on the channel, then 2, 3, …
    public var attempt: Int
    public var at: Instant
    public var outcome: Outcome
    /// What went wrong, for a failed attempt.
    public var error: String?
    /// Whether the message went out later than it was owed (the daemon was down).
    public var late: Bool

    public init(channel: String, attempt: Int = 0, at: Instant, outcome: Outcome, error: String? = nil, late: Bool) {
        self.channel = channel
        self.attempt = attempt
        self.at = at
        self.outcome = outcome
        self.error = error
        self.late = late
    }
}

/// How a reminder was settled: it needs nothing more for its instant.
public enum ReminderSettlement: String, Sendable, CaseIterable {
    /// Sent on every channel at its time.
    case delivered
    /// Sent on every channel, after its time (the daemon was down or asleep).
    case late
    /// Some channel still failed after the last retry.
    case failed
    /// Not sent: its task was no longer pending (done, skipped, cancelled).
    case skipped
    /// Not sent: a later reminder of the same task to the same person was due as well.
    case superseded
}

/// A reminder owed now or earlier, with what the dispatcher needs to send it.
public struct OwedReminder: Sendable {
    /// The reminder's row id, the key of its deliveries.
    public var id: Int64
    public var reminder: StoredReminder
    public var task: StoredTask
    /// The customer's name, for messages.
    public var customerName: String
    /// The attempts already made for this instant of the reminder, oldest first.
    public var attempts: [DeliveryAttempt]
}
