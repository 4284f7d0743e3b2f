/// What the KPIs are computed from: each customer's history, NPS answers and the team's tasks.
/// The store reads it; `KPICalculator` turns it into figures without any I/O.
public struct KPIHistory: Sendable {
    public var customers: [CustomerHistory]
    /// Answers to the `nps` metric (0–10).
    public var npsAnswers: [NPSAnswer]
    public var tasks: [TaskOutcome]

    public init(customers: [CustomerHistory], npsAnswers: [NPSAnswer], tasks: [TaskOutcome]) {
        self.customers = customers
        self.npsAnswers = npsAnswers
        self.tasks = tasks
    }
}

/// One customer's lifecycle and account value over time.
public struct CustomerHistory: Sendable {
    /// A stage the customer entered, and when.
    public struct StageEntry: Sendable, Equatable {
        public var stage: String
        public var at: Instant

        public init(_ stage: String, at: Instant) {
            self.stage = stage
            self.at = at
        }
    }

    /// The customer's recurring revenue and seats as recorded from an instant on.
    public struct AccountValue: Sendable, Equatable {
        public var at: Instant
        public var arr: Double?
        public var seats: Int?

        public init(at: Instant, arr: Double?, seats: Int?) {
            self.at = at
            self.arr = arr
            self.seats = seats
        }
    }

    public let id: String
    /// When the customer became one (`customer_since`), when it is known.
    public let since: Instant?
    /// The stages it entered, by instant.
    public let stages: [StageEntry]
    /// Its recorded account values, by instant; the first one applies before it too.
    public let values: [AccountValue]
    /// The instants its status changed, in order: a customer (active) or not (before it began,
    /// or churned). Computed once: every figure asks for it.
    let statusChanges: [(at: Instant, active: Bool)]

    /// A customer's history; `stages` and `values` may come in any order.
    public init(id: String, since: Instant?, stages: [StageEntry], values: [AccountValue]) {
        self.id = id
        self.since = since
        self.stages = stages.sorted { $0.at < $1.at }
        self.values = values.sorted { $0.at < $1.at }
        statusChanges = Self.statusChanges(since: since, stages: self.stages)
    }
}

/// A customer's answer to "how likely are you to recommend us" (0–10).
public struct NPSAnswer: Sendable, Equatable {
    public var customer: String
    public var score: Double
    public var at: Instant

    public init(customer: String, score: Double, at: Instant) {
        self.customer = customer
        self.score = score
        self.at = at
    }
}

/// What became of one task, as the on-time and overdue figures need it.
public struct TaskOutcome: Sendable, Equatable {
    /// How the task ended, or that it has not.
    public enum End: Sendable, Equatable {
        case pending, done, skipped, cancelled
    }

    /// Who does it (after any reassignment).
    public var owner: String
    /// When it falls due (a snooze moves it).
    public var due: Instant
    public var createdAt: Instant
    public var end: End
    /// When it was done, skipped or cancelled.
    public var closedAt: Instant?

    public init(owner: String, due: Instant, createdAt: Instant, end: End, closedAt: Instant?) {
        self.owner = owner
        self.due = due
        self.createdAt = createdAt
        self.end = end
        self.closedAt = closedAt
    }
}
