import KizunaCore

extension CustomerEvaluation {
    /// The checklists that `conditions` read (`checklist_complete(…)`), for `customers`;
    /// `nil` when they read none, so that a pass without one reads no task. The customers'
    /// tasks are found through the index by customer and playbook, so a chunk of a large
    /// store reads only its own.
    func checklists(readBy conditions: [Condition], for customers: [Customer], on store: Store) throws(StoreError) -> Checklists? {
        let named = conditions.reduce(into: Set<String>()) { $0.formUnion($1.expression.checklistPlaybooks) }
        guard !named.isEmpty else { return nil }
        return try store.checklists(of: playbooks.filter { named.contains($0.id) }, customers: Set(customers.map(\.id)))
    }
}
