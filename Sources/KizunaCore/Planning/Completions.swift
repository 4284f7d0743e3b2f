/// When tasks were done, as the planner needs to know it.
public struct Completions: Hashable, Sendable {
    /// The instant each done task was completed.
    public private(set) var byTask: [TaskID: Instant] = [:]
    private var latestByPlay: [PlayAndCustomer: Instant] = [:]

    private struct PlayAndCustomer: Hashable {
        var playbook: String
        var customer: String
    }

    public init() {}

    /// Records that `task`, of `playbook` for `customer`, was done at `instant`.
    public mutating func record(task: TaskID, playbook: String, customer: String, at instant: Instant) {
        byTask[task] = instant
        let key = PlayAndCustomer(playbook: playbook, customer: customer)
        latestByPlay[key] = max(latestByPlay[key] ?? instant, instant)
    }

    /// The latest completion of any task of `playbook` for `customer`.
    public func latest(playbook: String, customer: String) -> Instant? {
        latestByPlay[PlayAndCustomer(playbook: playbook, customer: customer)]
    }
}
