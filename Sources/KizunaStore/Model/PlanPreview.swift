import KizunaCore

/// What a materialization would change, task by task, without changing anything: the
/// answer of `kizuna plan --diff`.
public struct PlanPreview: Sendable {
    /// A stored task that would move, with its dates before.
    public struct Move: Sendable {
        public var task: PlannedTask
        public var oldStart: Instant
        public var oldDue: Instant
    }

    /// A pending task that would be cancelled, and why.
    public struct Cancellation: Sendable {
        public var task: StoredTask
        public var reason: String
    }

    public var created: [PlannedTask] = []
    public var moved: [Move] = []
    /// Pending tasks whose title, owner, priority or checklist would change.
    public var updated: [PlannedTask] = []
    public var cancelled: [Cancellation] = []

    public init() {}

    /// Adds another preview's changes to this one.
    mutating func add(_ other: PlanPreview) {
        created += other.created
        moved += other.moved
        updated += other.updated
        cancelled += other.cancelled
    }
}
