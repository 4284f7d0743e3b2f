import KizunaCore

/// A reminder of a stored task, as the planner owed it.
public struct StoredReminder: Hashable, Sendable {
    public var task: TaskID
    public var instant: Instant
    public var recipient: String
    /// The rule's timing in words (`at due`, `1 hour before start`, `overdue by 1 business day`).
    public var timing: String
    /// The channel name, `nil` for every configured default.
    public var channel: String?
}
