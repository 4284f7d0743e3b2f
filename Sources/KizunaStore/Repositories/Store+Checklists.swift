import GRDB
import KizunaCore

extension Store {
    /// The checklists of `playbooks` for every customer, or for `customers`: what
    /// `checklist_complete(…)` reads.
    public func checklists(of playbooks: [Playbook], customers: Set<String>? = nil) throws(StoreError) -> Checklists {
        guard !playbooks.isEmpty else { return Checklists(playbooks: []) }
        return try read { db in
            var checklists = Checklists(playbooks: playbooks)
            let filter = customers == nil ? "" : " AND customer IN (SELECT value FROM json_each(?))"
            var arguments: StatementArguments = [JSONColumn.encode(playbooks.map(\.id).sorted())]
            if let customers { arguments += [JSONColumn.encode(customers.sorted())] }
            let rows = try Row.fetchCursor(
                db,
                sql: "SELECT playbook, customer, occurrence, step, start, state FROM tasks "
                    + "WHERE playbook IN (SELECT value FROM json_each(?))\(filter)",
                arguments: arguments)
            while let row = try rows.next() {
                let state = TaskState(rawValue: row["state"])
                checklists.record(
                    playbook: row["playbook"], customer: row["customer"], occurrence: row["occurrence"], step: row["step"],
                    start: Instant(secondsSinceEpoch: row["start"]), closed: state == .done || state == .skipped)
            }
            return checklists
        }
    }
}
