import GRDB
import KizunaCore
import Testing

@testable import KizunaStore

@Suite("Query plans")
struct IndexTests {
    @Test("open tasks of one owner are an index range scan, never a scan of tasks", arguments: [true, false])
    func openTasksUseAnIndex(ownerFilter: Bool) throws {
        try withStore { store in
            let arguments: StatementArguments = ownerFilter ? ["aiko", Sample.monday.secondsSinceEpoch] : [Sample.monday.secondsSinceEpoch]
            let plan = try DatabaseQueue(path: store.path).read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + Store.openTasksSQL(ownerFilter: ownerFilter), arguments: arguments)
                    .map { row -> String in row["detail"] }
            }
            let index = ownerFilter ? "tasks_pending_by_owner_due" : "tasks_pending_by_due"
            #expect(plan.contains { $0.contains("SEARCH tasks USING INDEX \(index) (") }, "\(plan)")
            #expect(!plan.contains { $0.hasPrefix("SCAN tasks") }, "\(plan)")
        }
    }
}
