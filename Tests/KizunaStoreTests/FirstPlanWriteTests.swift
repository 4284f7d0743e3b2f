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
    /// a constraint that aborts the statement alone (`Halt` with `OE_Abort`, 2), an
    /// immediate foreign key counted across a multi-row statement (`FkCounter` on counter 0
    /// that adds a violation), and a call of a function, which may fail.
    static func statementAborts(_ sql: String, in db: Database) throws -> [String] {
        // Explained, not run: each parameter is left NULL.
        let parameters = StatementArguments(Array(repeating: DatabaseValue.null, count: sql.count { $0 == "?" }))
        return try Row.fetchAll(db, sql: "EXPLAIN " + sql, arguments: parameters).compactMap { row -> String? in
            let (opcode, p1, p2): (String, Int, Int) = (row["opcode"], row["p1"], row["p2"])
            let aborts = (opcode == "Halt" || opcode == "HaltIfNull") && p1 != 0 && p2 == 2
            let immediateKey = opcode == "FkCounter" && p1 == 0 && p2 > 0
            let function = opcode == "Function" || opcode == "PureFunc"
            return aborts || immediateKey || function ? "\(opcode) \(p1) \(p2) \(row["p4"] as String? ?? "")" : nil
        }
    }

    @Test("planned tasks and reminders are inserted many rows per statement without a statement journal")
    func noStatementJournal() throws {
        try withStore { store in
            try DatabaseQueue(path: store.path).read { db in
                for (table, columns) in [("tasks", PlannedTaskInserts.taskColumns), ("reminders", PlannedTaskInserts.reminderColumns)] {
                    let sql = BoundInsert.sql(into: table, columns: columns, rows: BoundInsert.rowsPerStatement)
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

    @Test("a store of v7 is migrated: its reminders kept, written without a statement journal")
    func migratesOlderStore() throws {
        try withOlderStore(migratedUpTo: "v7-plan-digest") { db in
            try db.execute(sql: Self.task)
            try db.execute(sql: Self.reminder(of: "0123456789abcdef"))
        } _: { path in
            let store = try Store(path: path)
            try DatabaseQueue(path: store.path).read { db in
                let tasks = try String.fetchAll(db, sql: "SELECT task FROM reminders")
                #expect(tasks == ["0123456789abcdef"])
                let sql = BoundInsert.sql(into: "reminders", columns: PlannedTaskInserts.reminderColumns, rows: 2)
                let aborts = try Self.statementAborts(sql, in: db)
                #expect(aborts == [])
                let violations = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
                #expect(violations == [])
            }
        }
    }

    @Test("a store of v8 is migrated: reminders keep their ids and deliveries, without a unique key or a reference to their task")
    func migratesToLeanReminders() throws {
        try withOlderStore(migratedUpTo: "v8-first-plan") { db in
            try db.execute(sql: Self.task)
            try db.execute(
                sql: """
                    INSERT INTO reminders (id, task, instant, recipient, timing, settled_for, settled_as)
                    VALUES (7, '0123456789abcdef', 1, 'aiko', 'at start', 1, 'delivered'),
                           (9, '0123456789abcdef', 2, 'aiko', 'at due', NULL, NULL)
                    """)
            try db.execute(sql: "INSERT INTO deliveries (reminder, channel, attempt, at, outcome) VALUES (7, 'chat', 1, 1, 'delivered')")
        } _: { path in
            let store = try Store(path: path)
            let queue = try DatabaseQueue(path: store.path)
            try queue.read { db in
                let rows = try Row.fetchAll(db, sql: "SELECT id, task, settled_as FROM reminders ORDER BY id")
                #expect(rows.map { $0["id"] as Int64 } == [7, 9])
                #expect(rows.map { $0["settled_as"] as String? } == ["delivered", nil])
                let delivered = try Int64.fetchAll(db, sql: "SELECT reminders.id FROM deliveries JOIN reminders ON reminders.id = deliveries.reminder")
                #expect(delivered == [7])
                let indexes = try Row.fetchAll(db, sql: "PRAGMA index_list(reminders)").map { $0["name"] as String }
                #expect(Set(indexes) == ["reminders_by_task", "reminders_unsettled"])
                #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_list(reminders)").isEmpty)
                #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
                let sql = BoundInsert.sql(into: "tasks", columns: PlannedTaskInserts.taskColumns, rows: 2)
                let aborts = try Self.statementAborts(sql, in: db)
                #expect(aborts == [])
            }
            // The deliveries still refer to the rebuilt table: deleting a reminder deletes them.
            try queue.write { db in try db.execute(sql: "DELETE FROM reminders WHERE id = 7") }
            #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM deliveries") } == 0)
        }
    }

    @Test("a task's effective start and due are its dates, or the end of its snooze when later")
    func effectiveDates() throws {
        try withStore { store in
            let queue = try DatabaseQueue(path: store.path)
            try queue.write { db in
                try db.execute(sql: Self.task)
                for (until, expected) in [(nil, [1, 2]), (0, [1, 2]), (2, [2, 2]), (5, [5, 5])] as [(Int64?, [Int64])] {
                    let state = until == nil ? "open" : "snoozed"
                    try db.execute(sql: "UPDATE tasks SET state = ?, snoozed_until = ?", arguments: [state, until])
                    let dates = try Row.fetchOne(db, sql: "SELECT start_effective, due_effective FROM tasks")
                    #expect(dates.map { [$0["start_effective"] as Int64, $0["due_effective"] as Int64] } == expected, "\(String(describing: until))")
                }
            }
        }
    }

    @Test("a task keeps one reminder per timing and recipient, the plan's last, through a first plan and re-plans")
    func remindersStayUnique() throws {
        try withStore { store in
            var task = Sample.task("acme", day: 1, reminders: [.atDue, .atStart, .atDue])
            task.reminders[2].instant = task.due.adding(seconds: 60)
            try store.materialize([task])
            let queue = try DatabaseQueue(path: store.path)
            let stored = { try queue.read { db in try Row.fetchAll(db, sql: "SELECT id, timing, instant FROM reminders ORDER BY id") } }
            let first = try stored()
            #expect(first.map { $0["timing"] as String } == ["at due", "at start"])
            #expect(first[0]["instant"] as Int64 == task.reminders[2].instant.secondsSinceEpoch)

            // A re-plan moving the reminders updates the same rows.
            task.reminders = task.reminders.map { reminder in
                var moved = reminder
                moved.instant = reminder.instant.adding(seconds: 3_600)
                return moved
            }
            #expect(try store.materialize([task], now: Sample.at(day: 1)).updated == 1)
            let moved = try stored()
            #expect(moved.map { $0["id"] as Int64 } == first.map { $0["id"] as Int64 })
            #expect(moved[0]["instant"] as Int64 == task.reminders[2].instant.secondsSinceEpoch)

            // One more reminder of an existing timing and recipient, and a new recipient.
            task.reminders.append(PlannedReminder(instant: task.due, recipient: task.owner, timing: .atStart))
            task.reminders.append(PlannedReminder(instant: task.due, recipient: "lead", timing: .atStart))
            try store.materialize([task], now: Sample.at(day: 2))
            let keys = try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT timing, recipient, count(*) AS copies FROM reminders GROUP BY timing, recipient ORDER BY timing, recipient")
            }
            #expect(keys.map { "\($0["timing"] as String)/\($0["recipient"] as String)/\($0["copies"] as Int)" } == [
                "at due/\(task.owner)/1", "at start/\(task.owner)/1", "at start/lead/1",
            ])
        }
    }
}
