/// Which customers have completed which plays' checklists, for `checklist_complete(…)`.
///
/// A play's checklist for a customer is its **latest occurrence** for the customer (the
/// one whose first task starts last): it is complete when every step of the play has a
/// task in that occurrence that is done or skipped. A step not planned yet (one that starts
/// after the previous step is done) is not complete; nor is a play with no occurrence.
public struct Checklists: Sendable {
    private let steps: [String: Set<String>]
    private var occurrences: [PlayAndCustomer: [String: Occurrence]] = [:]

    private struct PlayAndCustomer: Hashable {
        var playbook: String
        var customer: String
    }

    private struct Occurrence {
        var key: String
        var firstStart: Instant
        var closedSteps: Set<String> = []
    }

    /// Checklists of `playbooks`; tasks of other plays are ignored.
    public init(playbooks: [Playbook]) {
        steps = Dictionary(playbooks.map { ($0.id, Set($0.steps.map(\.id))) }, uniquingKeysWith: { first, _ in first })
    }

    /// Records a stored task of a play for a customer, in any order; `closed` when it is done or skipped.
    public mutating func record(playbook: String, customer: String, occurrence: String, step: String, start: Instant, closed: Bool) {
        guard steps[playbook] != nil else { return }
        let key = PlayAndCustomer(playbook: playbook, customer: customer)
        var entry = occurrences[key, default: [:]][occurrence] ?? Occurrence(key: occurrence, firstStart: start)
        entry.firstStart = min(entry.firstStart, start)
        if closed { entry.closedSteps.insert(step) }
        occurrences[key, default: [:]][occurrence] = entry
    }

    /// The plays whose checklist `customer` has complete.
    public func complete(for customer: String) -> Set<String> {
        Set(
            steps.compactMap { playbook, steps in
                let latest = occurrences[PlayAndCustomer(playbook: playbook, customer: customer)]?.values
                    .max { ($0.firstStart, $0.key) < ($1.firstStart, $1.key) }
                guard let latest, steps.isSubset(of: latest.closedSteps) else { return nil }
                return playbook
            })
    }
}
