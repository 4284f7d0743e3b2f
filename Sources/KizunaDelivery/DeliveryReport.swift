import KizunaCore
import KizunaStore

/// What one `deliverDue(now:)` did: every attempt it made, and how many reminders it settled.
public struct DeliveryReport: Sendable {
    /// One attempt on one channel.
    public struct Entry: Sendable {
        public var kind: DeliveryMessage.Kind
        public var recipient: String
        /// The reminder's task; `nil` for a digest.
        public var task: TaskID?
        public var attempt: DeliveryAttempt
    }

    public internal(set) var attempts: [Entry] = []
    /// Reminders settled by this pass, by how.
    public internal(set) var settled: [ReminderSettlement: Int] = [:]

    /// Attempts that delivered.
    public var delivered: Int { attempts.count { $0.attempt.outcome == .delivered } }
    /// Attempts that failed (and will be retried, unless they were the last allowed).
    public var failed: Int { attempts.count { $0.attempt.outcome == .failed } }

    mutating func settle(_ count: Int, as settlement: ReminderSettlement) {
        if count > 0 { settled[settlement, default: 0] += count }
    }
}
