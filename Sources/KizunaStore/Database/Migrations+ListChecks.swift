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
    /// place. SQLite cannot alter a CHECK, and rebuilding the tables would copy every row (and
    /// lose what later migrations add to them), so the tables' definitions are edited in the
    /// schema, as SQLite documents for changes that leave the stored rows as they are
    /// (https://sqlite.org/lang_altertable.html#otheralter): both forms accept the same rows.
    static func rewriteListChecks(_ db: Database) throws {
        let version = try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? 0
        try db.execute(sql: "PRAGMA writable_schema = ON")
        do {
            for check in listChecks {
                let quoted = check.values.map { "'\($0)'" }
                let list = "\(check.column) IN (\(quoted.joined(separator: ", ")))"
                let comparisons = quoted.map { "\(check.column) = \($0)" }.joined(separator: " OR ")
                try db.execute(
                    sql: "UPDATE sqlite_master SET sql = replace(sql, ?, ?) WHERE type = 'table' AND name = ?",
                    arguments: [list, comparisons, check.table])
            }
            // A new schema version makes every connection read the edited definitions again.
            try db.execute(sql: "PRAGMA schema_version = \(version + 1)")
        } catch {
            try? db.execute(sql: "PRAGMA writable_schema = OFF")
            throw error
        }
        try db.execute(sql: "PRAGMA writable_schema = OFF")
    }
}
