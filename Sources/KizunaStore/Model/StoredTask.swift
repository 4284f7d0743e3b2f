import KizunaCore

/// A task as the store keeps it: what the planner said, plus what people did with it.
public struct StoredTask: Hashable, Sendable, Identifiable {
    public var id: TaskID
    public var playbook: String
    public var step: String
    public var customer: String
    /// The occurrence's stable key, as the planner made it.
    public var occurrence: String
    public var title: String
    /// Who does the task: the person it was assigned to, else the play's owner.
    public var owner: String
    /// The owner the play names, whatever a reassignment says.
    public var plannedOwner: String
    public var priority: Priority
    /// When the task is to be done; a snooze moves it to the snooze's end.
    public var start: Instant
    /// When it becomes overdue; a snooze moves it to the snooze's end at the earliest.
    public var due: Instant
    /// The zone the task's times are read in.
    public var zone: Zone
    /// The recorded state; see `state(at:)` for the state as people see it at an instant.
    public var state: TaskState
    /// The end of the snooze, while the task is snoozed.
    public var snoozedUntil: Instant?
    /// The note or reason of the latest change of state (a done note, a skip reason, why it was cancelled).
    public var note: String?
    public var checklist: [String]
    public var createdAt: Instant
    public var updatedAt: Instant
    /// When the task was done, skipped or cancelled.
    public var closedAt: Instant?

    /// The state at `now`: a snooze that has ended reads as open again.
    public func state(at now: Instant) -> TaskState {
        if state == .snoozed, let snoozedUntil, snoozedUntil <= now { return .open }
        return state
    }
}
