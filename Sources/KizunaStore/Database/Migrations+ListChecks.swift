import Foundation
import GRDB

extension Migrations {
    /// The checks of a column against a list of values, as the tables were created with them.
    static let listChecks: [(table: String, column: String, values: [String])] = [
        ("tasks", "state", ["open", "done", "skipped", "snoozed", "cancelled"]),
        ("reminders", "settled_as", ["delivered", "late", "failed", "skipped", "superseded"]),
        ("task_events", "kind", ["created", "updated", "moved", "done", "skipped", "snoozed", "assigned", "cancelled"]),
    ]

    /// Checks of tasks, reminders and task events that cost nothing per written row.
    ///
    /// SQLite evaluates a CHECK written `column IN (a, b, c, …)` (three values or more) by
    /// filling a temporary index with the list each time it writes a row; a planning pass
    /// writes hundreds of thousands of tasks and reminders, and those indexes cost about as
    /// much as the rows. Written `column = a OR column = b OR …`, the same check compares in
    /// place; both forms accept the same rows, so the definitions are edited in place
    /// (`editDefinitions`).
    static func rewriteListChecks(_ db: Database) throws {
        let edits = listChecks.map { check in
            let quoted = check.values.map { "'\($0)'" }
            return DefinitionEdit(
                table: check.table, original: "\(check.column) IN (\(quoted.joined(separator: ", ")))",
                replacement: quoted.map { "\(check.column) = \($0)" }.joined(separator: " OR "))
        }
        try editDefinitions(edits, in: db)
    }
}
