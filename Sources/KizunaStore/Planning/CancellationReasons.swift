import KizunaCore

/// Why a pending task that the playbooks no longer produce is cancelled, in the words people
/// read in its history: "playbook removed", "stage changed to mature", "playbook changed".
public struct CancellationReasons: Sendable {
    private let planner: Planner
    private let playbooks: [String: Playbook]
    private let customers: [String: Customer]
    private let today: CivilDate

    public init(planner: Planner, customers: [Customer], today: CivilDate) {
        self.planner = planner
        playbooks = Dictionary(planner.playbooks.map { ($0.id, $0) }) { first, _ in first }
        self.customers = Dictionary(customers.map { ($0.id, $0) }) { first, _ in first }
        self.today = today
    }

    /// The reason for `task`, given the customer as it is now.
    public func reason(_ task: StoredTask) -> String {
        guard let playbook = playbooks[task.playbook] else { return "playbook removed" }
        guard let customer = customers[task.customer] else { return "customer removed" }
        let stages = playbook.applies.stages
        if stages.isEmpty ? customer.stage == "churned" : !stages.contains(customer.stage) {
            return "stage changed to \(customer.stage)"
        }
        if !planner.applies(playbook, to: customer, on: today) { return "customer left the play's segment" }
        return "playbook changed"
    }
}
