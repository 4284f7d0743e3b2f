import KizunaCore

/// One thing that happened to a task, for its history and its customer's timeline.
public struct TaskEvent: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable, Codable {
        /// The planner's task entered the store.
        case created
        /// The play changed the task's title, priority, owner, checklist or reminders.
        case updated
        /// The play moved the task's start or due.
        case moved
        case done, skipped, snoozed, assigned
        /// The engine withdrew the task (its play was removed, the customer changed stage, a pause).
        case cancelled
    }

    public var task: TaskID
    public var kind: Kind
    /// Who did it: a person, or `Store.engineActor` for the engine.
    public var actor: String
    public var at: Instant
    /// The note, reason or details of the change.
    public var note: String?

    public init(task: TaskID, kind: Kind, actor: String, at: Instant, note: String?) {
        self.task = task
        self.kind = kind
        self.actor = actor
        self.at = at
        self.note = note
    }
}
