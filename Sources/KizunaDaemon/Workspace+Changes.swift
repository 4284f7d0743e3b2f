import KizunaCore
import KizunaStore

extension Workspace {
    /// The ids of the playbooks added, edited or removed since `previous`, compared by their
    /// loaded values (a file saved unchanged changes nothing); `nil` when anything else
    /// changed (the configuration, its calendar, the health model, the lifecycle), which
    /// calls for planning every playbook.
    func changedPlaybooks(since previous: Workspace) -> Set<String>? {
        guard configuration == previous.configuration, health == previous.health, lifecycle == previous.lifecycle else { return nil }
        let before = Self.byID(previous.playbooks)
        let after = Self.byID(playbooks)
        return Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }
    }

    /// What a pass re-planning only `playbooks` evaluates first: the triggers of those that
    /// are `when:` plays. Scores and stage changes do not depend on the playbooks, so they
    /// are left to full passes; `nil` when none of them has a trigger to evaluate.
    func triggerEvaluation(of playbooks: Set<String>) -> CustomerEvaluation? {
        let triggered = self.playbooks.filter { playbook in
            guard playbooks.contains(playbook.id), case .condition = playbook.trigger else { return false }
            return true
        }
        guard !triggered.isEmpty else { return nil }
        return CustomerEvaluation(
            playbooks: triggered, health: nil, lifecycle: Lifecycle(stages: lifecycle.stages, transitions: []), zone: configuration.zone,
            calendar: configuration.calendar)
    }

    private static func byID(_ playbooks: [Playbook]) -> [String: Playbook] {
        Dictionary(playbooks.map { ($0.id, $0) }) { first, _ in first }
    }
}
