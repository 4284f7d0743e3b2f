import KizunaCore

/// How delivery is going, for `kizuna status`: what is failing now, and the latest errors.
public struct DeliveryHealth: Sendable {
    /// A failed attempt, with what it was for.
    public struct Failure: Sendable {
        /// The reminder's task; `nil` for a digest.
        public var task: TaskID?
        /// The reminder's recipient, or the digest's person.
        public var recipient: String
        public var attempt: DeliveryAttempt
    }

    /// Messages (a reminder or a digest, on one channel) whose attempts all failed so far:
    /// waiting for a retry, or given up.
    public var failing: Int
    /// The latest failed attempts, newest first.
    public var latestErrors: [Failure]
}
