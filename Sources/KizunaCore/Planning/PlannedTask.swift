/// A task the planner says is owed: one step of one occurrence of a play for one customer.
public struct PlannedTask: Hashable, Sendable, Identifiable {
    public var id: TaskID
    public var playbook: String
    public var step: String
    public var customer: String
    /// The occurrence's stable key (its nominal wall time).
    public var occurrence: String
    public var title: String
    public var owner: String
    public var priority: Priority
    /// When the task is to be done.
    public var start: Instant
    /// When it becomes overdue.
    public var due: Instant
    public var checklist: [String]
    public var reminders: [PlannedReminder]
    /// The zone the task's times are read in (the customer's or the team's).
    public var zone: Zone

    public init(
        id: TaskID, playbook: String, step: String, customer: String, occurrence: String, title: String, owner: String,
        priority: Priority, start: Instant, due: Instant, checklist: [String] = [], reminders: [PlannedReminder] = [],
        zone: Zone
    ) {
        self.id = id
        self.playbook = playbook
        self.step = step
        self.customer = customer
        self.occurrence = occurrence
        self.title = title
        self.owner = owner
        self.priority = priority
        self.start = start
        self.due = due
        self.checklist = checklist
        self.reminders = reminders
        self.zone = zone
    }
}

/// A reminder the planner says is owed for a task.
public struct PlannedReminder: Hashable, Sendable {
    public var instant: Instant
    /// Who is told.
    public var recipient: String
    public var timing: ReminderRule.Timing
    public var channel: String?

    public init(instant: Instant, recipient: String, timing: ReminderRule.Timing, channel: String? = nil) {
        self.instant = instant
        self.recipient = recipient
        self.timing = timing
        self.channel = channel
    }
}

/// One occurrence of a play for a customer, with the tasks it creates so far.
public struct PlannedOccurrence: Hashable, Sendable {
    public var playbook: String
    public var customer: String
    public var occurrence: Occurrence
    /// The steps that can be dated now.
    public var tasks: [PlannedTask]
    /// Steps dated from a previous step's completion that is not known yet.
    public var waiting: [String]
}
