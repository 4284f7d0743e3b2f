import GRDB
import KizunaCore
import Testing

@testable import KizunaStore

@Suite("Checks of listed values")
struct ListCheckTests {
    static let insertTask = """
        INSERT INTO tasks (id, playbook, step, customer, occurrence, title, owner, priority, start, due, zone, state, checklist,
            created_at, updated_at)
        VALUES ('0123456789abcdef', 'p', 's', 'acme', 'o', 'Call', 'aiko', 'high', 1, 2, 'UTC', ?, '[]', 1, 1)
        """
    static let insertReminder = "INSERT INTO reminders (task, instant, recipient, timing, settled_as) VALUES ('0123456789abcdef', 1, 'aiko', 'at start', ?)"
    static let insertEvent = "INSERT INTO task_events (task, kind, actor, at) VALUES ('0123456789abcdef', ?, 'kizuna', 1)"

    @Test("tasks, reminders and task events are written without a temporary index per row")
    func noTemporaryIndexPerRow() throws {
        try withStore { store in
            try DatabaseQueue(path: store.path).read { db in
                for sql in [Self.insertTask, Self.insertReminder, Self.insertEvent] {
                    let program = try Row.fetchAll(db, sql: "EXPLAIN " + sql, arguments: ["open"]).map { row -> String in row["opcode"] }
                    #expect(!program.contains("OpenEphemeral"), "\(sql): \(program)")
                }
            }
        }
    }

    @Test("a store of the previous schema is migrated, keeping its rows and refusing values outside the lists")
    func migratesAndStillChecks() throws {
        try withOlderStore(migratedUpTo: "v5-planning") { db in
            try db.execute(sql: Self.insertTask, arguments: ["open"])
        } _: { path in
            let store = try Store(path: path)
            try DatabaseQueue(path: store.path).write { db in
                #expect(try String.fetchAll(db, sql: "SELECT state FROM tasks") == ["open"])
                try db.execute(sql: "UPDATE tasks SET state = 'done'")
                for (sql, bad, good) in [
                    (Self.insertReminder, "sent", "late"), (Self.insertEvent, "created!", "cancelled"),
                ] {
                    #expect(throws: DatabaseError.self) { try db.execute(sql: sql, arguments: [bad]) }
                    try db.execute(sql: sql, arguments: [good])
                }
                #expect(throws: DatabaseError.self) { try db.execute(sql: "UPDATE tasks SET state = 'closed'") }
            }
        }
    }
}
