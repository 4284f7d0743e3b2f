import Foundation
import GRDB

/// Reads a store's file directly, behind the commands' backs, to check what they left in it.
enum StoreFile {
    /// Tasks per customer.
    static func tasksPerCustomer(_ path: String) throws -> [String: Int] {
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        return try DatabaseQueue(path: path).read { db in
            try Dictionary(
                uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT customer, count(*) AS n FROM tasks GROUP BY customer").map {
                    ($0["customer"] as String, $0["n"] as Int)
                })
        }
    }

    /// Tasks whose title contains `text`.
    static func tasks(_ path: String, titleContaining text: String) throws -> Int {
        try DatabaseQueue(path: path).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM tasks WHERE state = 'open' AND instr(title, ?) > 0", arguments: [text]) ?? 0
        }
    }

    /// The tasks of `playbook`, counted by state and note: "open", "cancelled: playbook removed".
    static func tasks(_ path: String, playbook: String) throws -> [String: Int] {
        try DatabaseQueue(path: path).read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT state, note, count(*) AS n FROM tasks WHERE playbook = ? GROUP BY state, note", arguments: [playbook])
            return Dictionary(
                rows.map { row in ([row["state"] as String, row["note"] as String?].compactMap { $0 }.joined(separator: ": "), row["n"] as Int) },
                uniquingKeysWith: +)
        }
    }

    /// Occurrences stored more than once: (playbook, step, customer, occurrence) repeated.
    static func duplicates(_ path: String) throws -> Int {
        try DatabaseQueue(path: path).read { db in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM (SELECT 1 FROM tasks GROUP BY playbook, step, customer, occurrence HAVING count(*) > 1)
                    """) ?? 0
        }
    }

    /// How many tasks the store holds (none before it exists).
    static func taskCount(_ path: String) throws -> Int {
        guard FileManager.default.fileExists(atPath: path) else { return 0 }
        return try DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM tasks") ?? 0 }
    }

    /// The id of one open task, the first in id order.
    static func openTaskID(_ path: String) throws -> String? {
        try DatabaseQueue(path: path).read { db in
            try String.fetchOne(db, sql: "SELECT id FROM tasks WHERE state = 'open' ORDER BY id LIMIT 1")
        }
    }
}
