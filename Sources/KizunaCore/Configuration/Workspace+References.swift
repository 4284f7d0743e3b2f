extension Workspace {
    /// The conditions' names that the other files do not know, each at its place: a metric
    /// the health model does not know (when there is one), a playbook no file declares.
    /// Checked once every file is read, since a lifecycle names playbooks and playbooks name
    /// the lifecycle's stages.
    public static func referenceProblems(playbooks: [Playbook], lifecycle: Lifecycle, health: HealthModel?) -> [Diagnostic] {
        let conditions = lifecycle.transitions.compactMap(\.when) + playbooks.flatMap(\.conditions)
        let metrics = health?.knownMetrics
        let playbookIDs = Set(playbooks.map(\.id))
        var problems: [Diagnostic] = []
        for reference in conditions.flatMap(\.references) {
            switch reference.kind {
            case .metric:
                guard let metrics, !metrics.contains(reference.name) else { continue }
                problems.append(
                    Diagnostic(
                        "unknown metric `\(reference.name)`: the health model does not name it", at: reference.location,
                        hint: didYouMean(reference.name, among: metrics) ?? "add it to `metrics` in health.yaml"))
            case .playbook where !playbookIDs.contains(reference.name):
                problems.append(
                    Diagnostic(
                        "unknown playbook `\(reference.name)`", at: reference.location,
                        hint: didYouMean(reference.name, among: playbookIDs) ?? "name the `playbook:` id of a playbook file"))
            case .playbook:
                continue
            }
        }
        return problems
    }
}

extension Playbook {
    /// The play's conditions: its segment and its `when:` trigger.
    fileprivate var conditions: [Condition] {
        var conditions = applies.segment.map { [$0] } ?? []
        if case .condition(let condition, _) = trigger { conditions.append(condition) }
        return conditions
    }
}
