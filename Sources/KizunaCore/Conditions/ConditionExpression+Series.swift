extension ConditionExpression {
    /// The series (metrics, and `health` for its history) the expression reads, each with
    /// the days of history before today it needs: 0 for a latest value; for a `change` or
    /// `pct_change`, its window and a week more, as the window is measured back from the
    /// latest observation, which may be up to a week old. A caller loads those days and the
    /// observation before them.
    public var seriesNeeds: [String: Int] {
        var needs: [String: Int] = [:]
        collectSeries(into: &needs)
        return needs
    }

    /// How old, in days, the latest observation of a `change` may be for its window to be
    /// loaded whole.
    static let changeLateness = 7

    private func collectSeries(into needs: inout [String: Int]) {
        func need(_ series: String, _ days: Int) { needs[series] = max(needs[series] ?? 0, days) }
        switch self {
        case .signal(let metric): need(metric, 0)
        case .change(let series, let days), .percentChange(let series, let days): need(series, days + Self.changeLateness)
        case .daysSince(let operand), .daysUntil(let operand), .not(let operand): operand.collectSeries(into: &needs)
        case .compare(let lhs, _, let rhs), .and(let lhs, let rhs), .or(let lhs, let rhs):
            lhs.collectSeries(into: &needs)
            rhs.collectSeries(into: &needs)
        case .literal, .field, .today, .checklistComplete: break
        }
    }

    /// The playbooks whose checklists the expression reads (`checklist_complete("onboarding")`).
    public var checklistPlaybooks: Set<String> {
        switch self {
        case .checklistComplete(let playbook): [playbook]
        case .daysSince(let operand), .daysUntil(let operand), .not(let operand): operand.checklistPlaybooks
        case .compare(let lhs, _, let rhs), .and(let lhs, let rhs), .or(let lhs, let rhs):
            lhs.checklistPlaybooks.union(rhs.checklistPlaybooks)
        case .literal, .field, .signal, .today, .change, .percentChange: []
        }
    }
}
