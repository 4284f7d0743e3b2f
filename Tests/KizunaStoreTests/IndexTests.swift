import GRDB
import KizunaCore
import Testing

@testable import KizunaStore

@Suite("Query plans")
struct IndexTests {
    @Test("open tasks of one owner are an index range scan, never a scan of tasks")
    func openTasksOfAnOwnerUseAnIndex() throws {
        try withStore { store in
            let plan = try Self.queryPlan(
                Store.openTasksSQL(ownerFilter: true), arguments: ["aiko", Sample.monday.secondsSinceEpoch], in: store)
            #expect(plan.contains { $0.contains("SEARCH tasks USING INDEX tasks_pending_by_owner_due (") }, "\(plan)")
            #expect(!plan.contains { $0.hasPrefix("SCAN tasks") }, "\(plan)")
        }
    }

    @Test("everyone's open tasks and their counts read the index of pending tasks, never every task")
    func everyonesOpenTasksReadThePendingIndex() throws {
        try withStore { store in
            let now = Sample.monday.secondsSinceEpoch
            let pending = "SELECT count(*) FROM tasks WHERE state IN ('open', 'snoozed')"
            let queries: [(String, StatementArguments)] = [
                (Store.openTasksSQL(ownerFilter: false), [now]), (pending + " AND due_effective < ?", [now]),
                (pending + " AND due_effective >= ? AND due_effective < ?", [now, now + 86_400]),
            ]
            for (sql, arguments) in queries {
                let plan = try Self.queryPlan(sql, arguments: arguments, in: store)
                #expect(plan.contains { $0.hasPrefix("SCAN tasks USING") && $0.hasSuffix("INDEX tasks_pending_by_owner_due") }, "\(plan)")
                #expect(!plan.contains("SCAN tasks"), "\(plan)")
            }
        }
    }

    @Test("one owner's upcoming tasks are a search of the owner's pending tasks, never a scan of tasks")
    func upcomingTasksOfAnOwnerUseAnIndex() throws {
        try withStore { store in
            let start = Sample.monday.secondsSinceEpoch
            let plan = try Self.queryPlan(Store.upcomingSQL(ownerFilter: true), arguments: ["aiko", start, start + 86_400], in: store)
            #expect(plan.contains { $0.contains("SEARCH tasks USING INDEX tasks_pending_by_owner_due (owner_effective=?)") }, "\(plan)")
            #expect(!plan.contains { $0.hasPrefix("SCAN tasks") }, "\(plan)")
        }
    }

    @Test("a task's reminders, and a batch's, are a search of the index by task, never a scan of reminders")
    func remindersOfATaskUseAnIndex() throws {
        try withStore { store in
            for sql in ["SELECT * FROM reminders WHERE task = ?", "SELECT * FROM reminders WHERE task IN (SELECT value FROM json_each(?))"] {
                let plan = try Self.queryPlan(sql, arguments: ["[]"], in: store)
                #expect(plan.contains { $0.contains("SEARCH reminders USING INDEX reminders_by_task (task=?)") }, "\(plan)")
                #expect(!plan.contains { $0.hasPrefix("SCAN reminders") }, "\(plan)")
            }
        }
    }

    @Test("the latest completions are one pass over the done-tasks index, without sorting or reading tasks")
    func latestCompletionsReadOnlyTheIndex() throws {
        try withStore { store in
            let sql = Store.latestCompletionsSQL(customerFilter: false)
            let plan = try Self.queryPlan(sql, arguments: [], in: store)
            #expect(plan == ["SCAN tasks USING INDEX tasks_done"], "\(plan)")
            // SQLite 3.40 names the partial index without "COVERING" because `state` is in the
            // query, but only seeks the table (DeferredSeek's third operand) lazily, on reading
            // a column of it, and no column of it is ever read.
            let program = try DatabaseQueue(path: store.path).read { db in
                try Row.fetchAll(db, sql: "EXPLAIN " + sql).map { row -> (String, Int, Int) in (row["opcode"], row["p1"], row["p3"]) }
            }
            let tableCursors = program.filter { $0.0 == "DeferredSeek" }.map(\.2)
            #expect(!tableCursors.isEmpty)
            #expect(!program.contains { $0.0 == "Column" && tableCursors.contains($0.1) }, "\(program)")
        }
    }

    /// The lines of SQLite's query plan for `sql` over the store's file.
    static func queryPlan(_ sql: String, arguments: StatementArguments, in store: Store) throws -> [String] {
        try DatabaseQueue(path: store.path).read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { row -> String in row["detail"] }
        }
    }
}
