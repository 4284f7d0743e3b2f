/// When tasks were done, as the planner needs to know it: the latest completion of each
/// play for each customer, and the completion of each done task of the plays with a step
/// that starts after the previous one (`Completions.playbooksDatedByTask(in:)`).
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
        record(task: task, at: instant)
        record(latest: instant, playbook: playbook, customer: customer)
    }

    /// Records that `task` was done at `instant`, for the step after it.
    public mutating func record(task: TaskID, at instant: Instant) {
        byTask[task] = instant
    }

    /// Records a completion of a task of `playbook` for `customer`; the latest one is kept.
    public mutating func record(latest instant: Instant, playbook: String, customer: String) {
        let key = PlayAndCustomer(playbook: playbook, customer: customer)
        latestByPlay[key] = max(latestByPlay[key] ?? instant, instant)
    }

    /// The latest completion of any task of `playbook` for `customer`.
    public func latest(playbook: String, customer: String) -> Instant? {
        latestByPlay[PlayAndCustomer(playbook: playbook, customer: customer)]
    }

    /// The ids of the playbooks with a step that starts after the previous step's
    /// completion: the only ones whose tasks' completions the planner reads from `byTask`.
    public static func playbooksDatedByTask(in playbooks: [Playbook]) -> Set<String> {
        Set(
            playbooks.lazy.filter { playbook in
                playbook.steps.contains { step in
                    if case .afterPrevious = step.start { true } else { false }
                }
            }.map(\.id))
    }
}
