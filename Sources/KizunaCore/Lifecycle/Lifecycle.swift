/// A team's lifecycle (`lifecycle.yaml`): the stages in order and the automatic
/// transitions between them. See docs/lifecycle.md.
public struct Lifecycle: Hashable, Sendable {
    /// The stages in order, `churned` last.
    public var stages: [String]
    /// Checked in file order; the first that is due for a customer's stage moves it.
    public var transitions: [StageTransition]

    /// The stage that ends every play.
    public static let churned = "churned"

    /// The default: onboarding → adoption → mature, plus churned, with no automatic transition.
    public static let standard = Lifecycle(stages: ["onboarding", "adoption", "mature", churned], transitions: [])

    public init(stages: [String], transitions: [StageTransition]) {
        self.stages = stages
        self.transitions = transitions
    }
}

/// An automatic move from one of `from` to `to`: after a time in the stage, when a
/// condition holds, or when both are true.
public struct StageTransition: Hashable, Sendable {
    public var from: [String]
    public var to: String
    /// How long a customer stays in the stage before it moves.
    public var after: CalendarSpan?
    /// The condition that moves it.
    public var when: Condition?

    public init(from: [String], to: String, after: CalendarSpan? = nil, when: Condition? = nil) {
        self.from = from
        self.to = to
        self.after = after
        self.when = when
    }
}

/// A customer's move to another stage, with the instant it took effect and why.
public struct StageChange: Hashable, Sendable {
    public var customer: String
    public var stage: String
    public var at: Instant
    /// The cause recorded in the stage history ("after 90 days in onboarding").
    public var cause: String

    public init(customer: String, stage: String, at: Instant, cause: String) {
        self.customer = customer
        self.stage = stage
        self.at = at
        self.cause = cause
    }
}
