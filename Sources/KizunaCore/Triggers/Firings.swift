/// The days each `when:` play fired for each customer, as the planner needs them: each
/// firing is an occurrence of the play, keyed by its day.
public struct Firings: Hashable, Sendable {
    private var days: [PlayAndCustomer: [CivilDate]] = [:]

    private struct PlayAndCustomer: Hashable {
        var playbook: String
        var customer: String
    }

    public init() {}

    public init(_ firings: [TriggerFiring]) {
        for firing in firings { record(firing) }
    }

    /// Records a firing.
    public mutating func record(_ firing: TriggerFiring) {
        days[PlayAndCustomer(playbook: firing.playbook, customer: firing.customer), default: []].append(firing.firedOn)
    }

    /// The days `playbook` fired for `customer`, ascending.
    public func days(playbook: String, customer: String) -> [CivilDate] {
        (days[PlayAndCustomer(playbook: playbook, customer: customer)] ?? []).sorted()
    }
}
