import GRDB

extension Migrations {
    /// Each task keeps the digest of the plan it last followed (`PlannedTask.planDigest`), so
    /// that a pass finds the tasks already following their plan without reading their rows
    /// and reminders. Tasks stored before have none: the next pass compares them in full and
    /// records it.
    static func addPlanDigest(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE tasks ADD COLUMN plan_digest INTEGER")
    }
}
