import GRDB
import KizunaCore

/// The reads a materialization or a preview compares a plan with, each one statement for a
/// whole batch of tasks rather than one query per planned task.
extension Store {
    /// The planned tasks, each id once: the first task of an id wins.
    func uniqueTasks(_ planned: [PlannedTask]) -> [PlannedTask] {
        var seen = Set<TaskID>()
        return planned.filter { seen.insert($0.id).inserted }
    }

    /// The end of each pause still running at `from`, by play and customer (`pauseKey`).
    func pausedUntil(after from: Instant, in db: Database) throws -> [String: Int64] {
        let pauses = try PauseRow.filter(Column("until") > from.secondsSinceEpoch).fetchAll(db)
        // (playbook, customer) is the table's primary key, so the keys are unique.
        return Dictionary(uniqueKeysWithValues: pauses.map { (Self.pauseKey(playbook: $0.playbook, customer: $0.customer), $0.until) })
    }

    /// The key of a play and customer in `pausedUntil(after:in:)`.
    static func pauseKey(playbook: String, customer: String) -> String {
        playbook + "\u{0}" + customer
    }

    /// Whether `task` falls in a pause of its play for its customer.
    static func isPaused(_ task: PlannedTask, pausedUntil: [String: Int64]) -> Bool {
        // Without pauses (most passes) no key is built for each task.
        guard !pausedUntil.isEmpty, let until = pausedUntil[pauseKey(playbook: task.playbook, customer: task.customer)] else {
            return false
        }
        return task.start.secondsSinceEpoch < until
    }

    /// The stored rows of these tasks, by id; tasks not stored are absent.
    func storedTasks(of tasks: [PlannedTask], in db: Database) throws -> [String: TaskRow] {
        // A task's id names its customer: when none of the customers has a row (their first
        // pass), no id is looked up.
        let customers = Set(tasks.lazy.map(\.customer))
        let anyStored = try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM tasks WHERE customer IN (SELECT value FROM json_each(?)))"),
            arguments: [JSONColumn.encode(Array(customers))])
        guard anyStored == true else { return [:] }
        return try storedTasks(ids: tasks.map(\.id.hex), in: db)
    }

    /// The stored rows of the tasks with these ids, by id, given the `pending` rows already
    /// read: a pass over planned customers finds most of its tasks among them, and reads only
    /// the others (closed ones, those outside the pending rows' window).
    func storedTasks(ids: Set<String>, pending: [TaskRow], in db: Database) throws -> [String: TaskRow] {
        var stored = Dictionary(pending.lazy.filter { ids.contains($0.id) }.map { ($0.id, $0) }) { first, _ in first }
        let others = ids.filter { stored[$0] == nil }
        guard !others.isEmpty else { return stored }
        stored.merge(try storedTasks(ids: Array(others), in: db)) { first, _ in first }
        return stored
    }

    /// The stored rows of the tasks with these ids, by id; ids not stored are absent.
    func storedTasks(ids: [String], in db: Database) throws -> [String: TaskRow] {
        // One statement for any number of ids: they travel as one JSON array.
        let rows = try TaskRow.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM tasks WHERE id IN (SELECT value FROM json_each(?))"),
            arguments: [JSONColumn.encode(ids)])
        return Dictionary(rows.map { ($0.id, $0) }) { first, _ in first }
    }

    /// The stored reminders of the tasks with these ids, by task id.
    func storedReminders(tasks ids: [String], in db: Database) throws -> [String: [ReminderRow]] {
        let rows = try ReminderRow.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM reminders WHERE task IN (SELECT value FROM json_each(?)) ORDER BY id"),
            arguments: [JSONColumn.encode(ids)])
        return Dictionary(grouping: rows, by: \.task)
    }

    /// The pending tasks whose planned start lies in `[from, to)`, of `customers` or of all,
    /// of `playbooks` or of all.
    func pendingTasks(startingFrom from: Instant, to: Instant, customers: Set<String>?, playbooks: Set<String>? = nil, in db: Database)
        throws -> [TaskRow]
    {
        var conditions = ["state IN ('open', 'snoozed') AND start >= ? AND start < ?"]
        var arguments: StatementArguments = [from.secondsSinceEpoch, to.secondsSinceEpoch]
        // One statement for any number of ids: they travel as one JSON array.
        for (column, ids) in [("customer", customers), ("playbook", playbooks)] {
            guard let ids else { continue }
            conditions.append("\(column) IN (SELECT value FROM json_each(?))")
            arguments += [JSONColumn.encode(ids.sorted())]
        }
        return try TaskRow.fetchAll(db, sql: "SELECT * FROM tasks WHERE " + conditions.joined(separator: " AND "), arguments: arguments)
    }
}
