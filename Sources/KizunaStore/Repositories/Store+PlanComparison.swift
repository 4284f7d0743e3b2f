import GRDB
import KizunaCore

/// A plan set against the stored tasks, read before anything is written: what a
/// materialization writes and a preview lists.
struct PlanComparison {
    /// A planned task the store lacks, or stores pending with another plan.
    struct Entry {
        /// The task's index in the plan.
        var index: Int
        /// Its stored row, `nil` when the store lacks it.
        var stored: TaskRow?
    }

    /// The planned tasks that may change the store, in the order of the indexes given.
    var entries: [Entry] = []
    /// Planned tasks stored closed (done, skipped, cancelled), or pending and following their plan already.
    var unchanged = 0
    /// Pending tasks in the window that the plan no longer produces.
    var dropped: [TaskRow] = []
}

/// The reads a materialization or a preview compares a plan with, each one statement for a
/// whole batch of tasks rather than one query per planned task.
extension Store {
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

    /// Compares the planned tasks at `indexes` (each id once) with the stored ones, and finds
    /// the pending tasks of `window` that the plan dropped. `window` holds the pending tasks in
    /// the plan's window (`pendingTasks(startingFrom:to:customers:playbooks:in:)`), read in
    /// `db`'s snapshot or in one that no write of these tasks has changed since.
    ///
    /// A pending task whose stored digest is the plan's (`PlannedTask.planDigest`) follows its
    /// plan: only the id and digest of the pending tasks in the window are read (where a pass
    /// finds its planned tasks), the state of the other planned ones, and whole rows only of
    /// the tasks that differ (a changed plan, or a row written before digests were stored) and
    /// of the dropped ones.
    func compare(_ planned: [PlannedTask], at indexes: [Int], window: [PendingTask], in db: Database) throws -> PlanComparison {
        // Keyed by number, not text: a pass looks up hundreds of thousands of ids.
        var states = [UInt64: PlanState](minimumCapacity: max(window.count, indexes.count))
        for (position, task) in window.enumerated() {
            // An id that is not 16 hex digits is no planned task's.
            guard let number = UInt64(task.id, radix: 16) else { continue }
            states[number] = PlanState(isPending: true, digest: task.digest, windowPosition: position)
        }
        let numbers = indexes.map { planned[$0].id.number }
        let others = indexes.indices.filter { states[numbers[$0]] == nil }.map { planned[indexes[$0]].id.hex }
        if !others.isEmpty, try !window.isEmpty || anyTask(of: planned, in: db) {
            for (id, state) in try storedPlanStates(ids: others, in: db) {
                if let number = UInt64(id, radix: 16) { states[number] = state }
            }
        }
        var comparison = PlanComparison()
        var plannedInWindow = [Bool](repeating: false, count: window.count)
        var differing: [String] = []
        for (index, number) in zip(indexes, numbers) {
            guard let state = states[number] else {
                comparison.entries.append(PlanComparison.Entry(index: index))
                continue
            }
            if let position = state.windowPosition { plannedInWindow[position] = true }
            if state.isPending && state.digest != planned[index].planDigest {
                comparison.entries.append(PlanComparison.Entry(index: index))
                differing.append(planned[index].id.hex)
            } else {
                comparison.unchanged += 1
            }
        }
        let dropped = window.indices.filter { !plannedInWindow[$0] }.map { window[$0].id }
        let rows = try storedTasks(ids: differing + dropped, in: db)
        comparison.dropped = dropped.compactMap { rows[$0] }
        for position in comparison.entries.indices {
            comparison.entries[position].stored = rows[planned[comparison.entries[position].index].id.hex]
        }
        return comparison
    }

    /// Whether a stored task is pending, the digest of the plan it last followed (`nil` when
    /// a version that stored no digest wrote it), and its place among the window's pending
    /// tasks if it is one.
    private struct PlanState {
        var isPending: Bool
        var digest: Int64?
        var windowPosition: Int?
    }

    /// A pending task as a comparison reads it.
    struct PendingTask: Sendable {
        var id: String
        /// Its planned start, in seconds since the epoch.
        var start: Int64
        var digest: Int64?
    }

    /// The pending tasks whose planned start lies in `[from, to)`, of `customers` or of all, of
    /// `playbooks` or of all.
    func pendingTasks(startingFrom from: Instant, to: Instant, customers: Set<String>?, playbooks: Set<String>?, in db: Database)
        throws -> [PendingTask]
    {
        var conditions = ["state IN ('open', 'snoozed') AND start >= ? AND start < ?"]
        var arguments: StatementArguments = [from.secondsSinceEpoch, to.secondsSinceEpoch]
        // One statement for any number of ids: they travel as one JSON array.
        for (column, ids) in [("customer", customers), ("playbook", playbooks)] {
            guard let ids else { continue }
            conditions.append("\(column) IN (SELECT value FROM json_each(?))")
            arguments += [JSONColumn.encode(ids.sorted())]
        }
        let rows = try Row.fetchCursor(
            db, sql: "SELECT id, start, plan_digest FROM tasks WHERE " + conditions.joined(separator: " AND "), arguments: arguments)
        var tasks: [PendingTask] = []
        // Read by position: the columns are few and the rows many.
        while let row = try rows.next() { tasks.append(PendingTask(id: row[0], start: row[1], digest: row[2])) }
        return tasks
    }

    /// Whether the store has any task of the customers of `tasks`. A task's id names its
    /// customer: when none of them has a row (their first pass), no id needs looking up.
    private func anyTask(of tasks: [PlannedTask], in db: Database) throws -> Bool {
        // Not `lazy`: its iterator would copy each task whole.
        let customers = Set(tasks.map(\.customer))
        return try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM tasks WHERE customer IN (SELECT value FROM json_each(?)))"),
            arguments: [JSONColumn.encode(Array(customers))]) ?? false
    }

    /// The plan states of the stored tasks with these ids, by id; ids not stored are absent.
    private func storedPlanStates(ids: [String], in db: Database) throws -> [String: PlanState] {
        let rows = try Row.fetchCursor(
            db.cachedStatement(
                sql: "SELECT id, state IN ('open', 'snoozed'), plan_digest FROM tasks WHERE id IN (SELECT value FROM json_each(?))"),
            arguments: [JSONColumn.encode(ids)])
        var states: [String: PlanState] = [:]
        while let row = try rows.next() { states[row[0]] = PlanState(isPending: row[1], digest: row[2]) }
        return states
    }

    /// The stored rows of the tasks with these ids, by id; ids not stored are absent.
    func storedTasks(ids: [String], in db: Database) throws -> [String: TaskRow] {
        guard !ids.isEmpty else { return [:] }
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
}
