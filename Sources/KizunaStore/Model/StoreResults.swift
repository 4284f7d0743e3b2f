/// What one materialization changed.
public struct MaterializationResult: Hashable, Sendable {
    /// Planned tasks that entered the store.
    public var created = 0
    /// Pending tasks whose dates, title, priority, owner, checklist or reminders followed the plan.
    public var updated = 0
    /// Pending tasks the plan no longer produces.
    public var cancelled = 0
    /// Planned tasks already stored as planned, or closed (done, skipped, cancelled) and left alone.
    public var unchanged = 0
    /// Planned tasks not stored because their play is paused for the customer.
    public var paused = 0

    public init(created: Int = 0, updated: Int = 0, cancelled: Int = 0, unchanged: Int = 0, paused: Int = 0) {
        self.created = created
        self.updated = updated
        self.cancelled = cancelled
        self.unchanged = unchanged
        self.paused = paused
    }
}

/// What one customer import changed.
public struct CustomerImportResult: Hashable, Sendable {
    public var inserted = 0
    public var updated = 0
    public var unchanged = 0
    /// Customers whose stage changed (new customers not counted).
    public var stageChanges = 0

    public init(inserted: Int = 0, updated: Int = 0, unchanged: Int = 0, stageChanges: Int = 0) {
        self.inserted = inserted
        self.updated = updated
        self.unchanged = unchanged
        self.stageChanges = stageChanges
    }
}

/// How many rows the store holds, for `status` and health checks.
public struct StoreCounts: Hashable, Sendable {
    public var customers: Int
    public var signals: Int
    /// Tasks per recorded state (every state present, zero when none).
    public var tasks: [TaskState: Int]
    public var reminders: Int
    public var pauses: Int
}
