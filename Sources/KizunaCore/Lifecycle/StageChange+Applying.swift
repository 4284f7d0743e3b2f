extension Array where Element == Customer {
    /// Moves the customers that `changes` name to their new stage, entered at the change's
    /// instant; of several changes of one customer the last one holds.
    public mutating func apply(_ changes: [StageChange]) {
        guard !changes.isEmpty else { return }
        let latest = Dictionary(changes.map { ($0.customer, $0) }, uniquingKeysWith: { _, last in last })
        for index in indices {
            guard let change = latest[self[index].id] else { continue }
            self[index].stage = change.stage
            self[index].stageEntered = change.at
        }
    }
}
