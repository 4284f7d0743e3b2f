/// One play, read from one playbook file: which customers it applies to, when it fires,
/// the task(s) it creates, and their reminders.
public struct Playbook: Hashable, Sendable, Identifiable {
    /// The stable id (`onboarding-weekly`), part of every task id the play makes.
    public var id: String
    public var title: String
    public var description: String?
    /// The file the play was read from.
    public var file: String
    public var applies: Applicability
    public var trigger: Trigger
    /// The zone the play's wall times are read in.
    public var zone: ZoneChoice
    /// The tasks one occurrence creates, in order; a one-task play has one step.
    public var steps: [Step]
    public var reminders: [ReminderRule]
    /// What happens to occurrences missed while nothing was planning.
    public var catchUp: CatchUpPolicy

    public init(
        id: String, title: String, description: String? = nil, file: String, applies: Applicability, trigger: Trigger,
        zone: ZoneChoice = .customer, steps: [Step], reminders: [ReminderRule] = [], catchUp: CatchUpPolicy = .latest
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.file = file
        self.applies = applies
        self.trigger = trigger
        self.zone = zone
        self.steps = steps
        self.reminders = reminders
        self.catchUp = catchUp
    }
}

/// Which customers a play is for.
public struct Applicability: Hashable, Sendable {
    /// The lifecycle stages; empty means every stage but `churned`.
    public var stages: [String]
    /// An optional filter over the customer's fields (`tier == "enterprise"`).
    public var segment: Condition?

    public init(stages: [String] = [], segment: Condition? = nil) {
        self.stages = stages
        self.segment = segment
    }
}

/// What makes a play fire for a customer.
public enum Trigger: Hashable, Sendable {
    /// A recurring schedule.
    case schedule(Schedule)
    /// Once at each of these customer dates ("renewal date").
    case dates([Anchor])
    /// When a condition becomes true; re-armed only after it has cleared and the cool-down has passed.
    case condition(Condition, cooldown: CalendarSpan?)
}

/// Where a play reads its wall times.
public enum ZoneChoice: Hashable, Sendable {
    /// The customer's zone, else the team's.
    case customer
    /// The team's zone from the configuration.
    case team
    /// A fixed IANA zone.
    case named(Zone)
}

/// What happens to occurrences that came due while nothing was planning (downtime).
public enum CatchUpPolicy: String, Hashable, Sendable, CaseIterable {
    /// Only the most recent missed occurrence becomes an (overdue) task.
    case latest
    /// Every missed occurrence becomes a task.
    case all
    /// Missed occurrences are dropped.
    case none
}

/// How much a task matters.
public enum Priority: String, Hashable, Sendable, CaseIterable, Comparable, Codable {
    case low, medium, high, critical

    /// The priority's share of a task's urgency.
    public var weight: Double {
        switch self {
        case .low: 1.8
        case .medium: 3.9
        case .high: 6.0
        case .critical: 9.0
        }
    }

    public static func < (lhs: Priority, rhs: Priority) -> Bool { lhs.weight < rhs.weight }
}

/// One task an occurrence creates.
public struct Step: Hashable, Sendable {
    /// Unique within the play (`agenda`, `meeting`); a one-task play's step is `task`.
    public var id: String
    public var title: Template
    public var owner: Template
    public var priority: Priority
    /// When the step starts (is to be done).
    public var start: StepStart
    /// How long after its start the step is due ("within 1 business day"); `nil`: due at its start.
    public var window: CalendarSpan?
    public var checklist: [String]

    public init(
        id: String, title: Template, owner: Template, priority: Priority = .medium, start: StepStart = .occurrence(nil),
        window: CalendarSpan? = nil, checklist: [String] = []
    ) {
        self.id = id
        self.title = title
        self.owner = owner
        self.priority = priority
        self.start = start
        self.window = window
        self.checklist = checklist
    }
}

/// When a step of a multi-step play starts.
public enum StepStart: Hashable, Sendable {
    /// At the occurrence, moved by the span ("5 business days before" is `-5 business days`).
    case occurrence(CalendarSpan?)
    /// After the previous step was done, by the span ("2 business days after the previous step").
    case afterPrevious(CalendarSpan)
}

/// When someone is told about a task, and who.
public struct ReminderRule: Hashable, Sendable {
    public enum Timing: Hashable, Sendable {
        /// This long before the task starts ("1 hour before").
        case beforeStart(CalendarSpan)
        /// When the task starts.
        case atStart
        /// When the task is due.
        case atDue
        /// This long after the task was due and is still open ("overdue by 1 business day").
        case overdue(CalendarSpan)
    }

    public var timing: Timing
    /// Who is told; `nil` means the task's owner. An escalation names another person.
    public var recipient: Template?
    /// The channel name from the configuration; `nil` means every configured default.
    public var channel: String?

    public init(timing: Timing, recipient: Template? = nil, channel: String? = nil) {
        self.timing = timing
        self.recipient = recipient
        self.channel = channel
    }

    /// Whether this reminder goes to someone other than the owner.
    public var isEscalation: Bool { recipient != nil }
}
