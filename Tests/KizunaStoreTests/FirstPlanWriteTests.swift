import GRDB
import KizunaCore
import Testing

@testable import KizunaStore

/// The statements a first planning pass writes its rows with, and the schema they rely on.
@Suite("Writes of a first planning pass")
struct FirstPlanWriteTests {
    static let task = """
        INSERT INTO tasks (id, playbook, step, customer, occurrence, title, owner, priority, start, due, zone, checklist,
            created_at, updated_at)
        VALUES ('0123456789abcdef', 'p', 's', 'acme', 'o', 'Call', 'aiko', 'high', 1, 2, 'UTC', '[]', 1, 1)
        """
    static func reminder(of task: String) -> String {
        "INSERT INTO reminders (task, instant, recipient, timing) VALUES ('\(task)', 1, 'aiko', 'at start')"
    }

    /// The opcodes of `sql` that make SQLite keep a journal of the pages the statement changes:
    /// a constraint that aborts the statement alone (`Halt` with `OE_Abort`, 2), and an
    /// immediate foreign key counted across a multi-row statement (`FkCounter` on counter 0
    /// that adds a violation).
    static func statementAborts(_ sql: String, in db: Database) throws -> [String] {
        // Explained, not run: each parameter is left NULL.
        let parameters = StatementArguments(Array(repeating: DatabaseValue.null, count: sql.count { $0 == "?" }))
        return try Row.fetchAll(db, sql: "EXPLAIN " + sql, arguments: parameters).compactMap { row -> String? in
            let (opcode, p1, p2): (String, Int, Int) = (row["opcode"], row["p1"], row["p2"])
            let aborts = (opcode == "Halt" || opcode == "HaltIfNull") && p1 != 0 && p2 == 2
            let immediateKey = opcode == "FkCounter" && p1 == 0 && p2 > 0
            return aborts || immediateKey ? "\(opcode) \(p1) \(p2) \(row["p4"] as String? ?? "")" : nil
        }
    }

    @Test("planned tasks and reminders are inserted many rows per statement without a statement journal")
    func noStatementJournal() throws {
        try withStore { store in
            try DatabaseQueue(path: store.path).read { db in
                for (table, columns) in [("tasks", PlannedTaskInserts.taskColumns), ("reminders", PlannedTaskInserts.reminderColumns)] {
                    let sql = BoundInsert.sql(into: table, columns: columns, rows: PlannedTaskInserts.rowsPerStatement)
                    let aborts = try Self.statementAborts(sql, in: db)
                    #expect(aborts == [], "\(table)")
                }
                // The check itself: a plain multi-row INSERT of reminders does abort alone.
                let plain = "INSERT INTO reminders (task, instant, recipient, timing) VALUES ('a', 1, 'b', 'c'), ('d', 2, 'e', 'f')"
                let plainAborts = try Self.statementAborts(plain, in: db)
                #expect(!plainAborts.isEmpty)
            }
        }
    }

    @Test("a reminder of a missing task fails its transaction at the commit, and leaves nothing")
    func missingTaskFailsTheCommit() throws {
        try withStore { store in
            let queue = try DatabaseQueue(path: store.path)
            #expect(throws: DatabaseError.self) {
                try queue.write { db in try db.execute(sql: Self.reminder(of: "fedcba9876543210")) }
            }
            try queue.write { db in
                try db.execute(sql: Self.task)
                try db.execute(sql: Self.reminder(of: "0123456789abcdef"))
            }
            #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM reminders") } == 1)
            // Deleting a task still deletes its reminders.
            try queue.write { db in try db.execute(sql: "DELETE FROM tasks") }
            #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM reminders") } == 0)
        }
    }

    @Test("a store of the previous schema is migrated: its reminders kept, their task checked at the commit")
    func migratesOlderStore() throws {
        try withOlderStore(migratedUpTo: "v7-plan-digest") { db in
            try db.execute(sql: Self.task)
            try db.execute(sql: Self.reminder(of: "0123456789abcdef"))
        } _: { path in
            let store = try Store(path: path)
            let queue = try DatabaseQueue(path: store.path)
            try queue.read { db in
                let tasks = try String.fetchAll(db, sql: "SELECT task FROM reminders")
                #expect(tasks == ["0123456789abcdef"])
                let definition = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'reminders'") ?? ""
                #expect(definition.contains(Migrations.reminderTaskReference + " DEFERRABLE INITIALLY DEFERRED"))
                let sql = BoundInsert.sql(into: "reminders", columns: PlannedTaskInserts.reminderColumns, rows: 2)
                let aborts = try Self.statementAborts(sql, in: db)
                #expect(aborts == [])
                let violations = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
                #expect(violations == [])
            }
            #expect(throws: DatabaseError.self) {
                try queue.write { db in try db.execute(sql: Self.reminder(of: "fedcba9876543210")) }
            }
        }
    }
}
