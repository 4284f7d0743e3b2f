/// What evaluating a condition needs to know about one customer, supplied by the caller
/// so that evaluation stays a pure function (a test passes a fixed environment).
public protocol ConditionEnvironment {
    /// The day the condition is evaluated on, in the customer's zone.
    var today: CivilDate { get }

    /// A customer field by its condition name (`health`, `tier`, `renewal_date`,
    /// `stage_entered`, `fields.region`); `nil` when the customer has no value for it.
    func field(_ name: String) -> ConditionValue?

    /// A metric's dated observations (`logins`, `open_tickets`, `nps`, and `health`'s
    /// history), ascending by date; empty when there are none.
    func series(_ metric: String) -> [SignalPoint]

    /// Whether the customer's checklist of `playbook` is complete: every step of the play's
    /// latest occurrence for the customer is done or skipped (false when it has none).
    func checklistComplete(_ playbook: String) -> Bool
}

/// One observation of a metric for a customer.
public struct SignalPoint: Hashable, Sendable {
    public var date: CivilDate
    public var value: Double

    public init(date: CivilDate, value: Double) {
        self.date = date
        self.value = value
    }
}
