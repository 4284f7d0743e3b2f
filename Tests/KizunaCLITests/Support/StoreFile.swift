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
}
