import GRDB

extension Migrations {
    /// One index over pending tasks, by effective owner and due, instead of two.
    ///
    /// Every task a planning pass creates went into both pending indexes at a random place,
    /// and the one by due alone cost a first pass over 100,000 customers about half a second of
    /// the writer's time (`INSERT` of its 231,000 tasks into a copy of the table: 0.5–0.85 s of
    /// 2.3–2.6 s). Its readers scan the index by owner instead, which holds the same pending
    /// tasks and their due: a list of everyone's tasks reads all pending tasks either way, and
    /// the counts of `kizuna status` (due today, overdue) count through it in tens of
    /// milliseconds at a million tasks.
    static func dropDueIndex(_ db: Database) throws {
        try db.execute(sql: "DROP INDEX tasks_pending_by_due")
    }
}
