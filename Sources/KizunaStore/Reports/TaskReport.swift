import KizunaCore

/// A task as `today` and `upcoming` show it: stored, ranked, and ready to print or encode.
public struct TaskReport: Encodable, Sendable {
    public let id: String
    public let shortID: String
    public let playbook: String
    public let step: String
    public let customer: String
    public let customerName: String
    public let owner: String
    public let title: String
    public let priority: Priority
    public let start: String
    public let due: String
    public let overdue: Bool
    public let state: TaskState
    public let urgency: Urgency
    public let checklist: [String]

    /// Instants kept for sorting and printing in the reader's zone.
    public let dueInstant: Instant
    public let zone: Zone

    enum CodingKeys: String, CodingKey {
        case id, shortID = "short_id", playbook, step, customer, customerName = "customer_name", owner, title, priority,
            start, due, overdue, state, urgency, checklist
    }

    public init(_ task: StoredTask, customer: Customer?, now: Instant) {
        id = task.id.hex
        shortID = task.id.short
        playbook = task.playbook
        step = task.step
        self.customer = task.customer
        customerName = customer?.name ?? task.customer
        owner = task.owner
        title = task.title
        priority = task.priority
        start = task.zone.iso8601(task.start)
        due = task.zone.iso8601(task.due)
        overdue = task.due < now
        state = task.state(at: now)
        urgency = Urgency(due: task.due, now: now, priority: task.priority, health: customer?.health, arr: customer?.arr)
        checklist = task.checklist
        dueInstant = task.due
        zone = task.zone
    }
}

/// Tasks grouped by owner, owners in name order, each group most urgent first.
public struct OwnerGroup: Encodable, Sendable {
    public let owner: String
    public let tasks: [TaskReport]

    /// The reports of `tasks` by owner, with each task's customer as the store has it.
    public static func grouping(_ tasks: [StoredTask], customers: [String: Customer], now: Instant) -> [OwnerGroup] {
        grouping(tasks.map { TaskReport($0, customer: customers[$0.customer], now: now) })
    }

    public static func grouping(_ reports: [TaskReport]) -> [OwnerGroup] {
        Dictionary(grouping: reports, by: \.owner)
            .map { owner, tasks in
                OwnerGroup(owner: owner, tasks: tasks.sorted { ($1.urgency, $0.id) < ($0.urgency, $1.id) })
            }
            .sorted { $0.owner < $1.owner }
    }
}
