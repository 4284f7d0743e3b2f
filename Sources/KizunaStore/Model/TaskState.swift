/// Where a stored task is in its life. Only `open` and `snoozed` tasks change again;
/// `done`, `skipped` and `cancelled` are final.
public enum TaskState: String, Hashable, Sendable, CaseIterable, Codable {
    case open, done, skipped, snoozed, cancelled

    /// Whether the task still asks for work (open, or snoozed until later).
    public var isPending: Bool { self == .open || self == .snoozed }
}
