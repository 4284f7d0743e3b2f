import GRDB
import KizunaCore

extension Store {
    /// The shortest task id prefix `task(prefix:)` accepts.
    public static let minimumPrefixLength = 4

    /// The task with this id, `nil` when there is none.
    public func task(id: TaskID) throws(StoreError) -> StoredTask? {
        try read { db in try TaskRow.find(db, key: id.hex)?.storedTask }
    }

    /// The task whose id starts with `prefix` (at least 4 hex digits, any case), like git's
    /// abbreviated commit ids.
    ///
    /// - Throws: `.invalidInput` for a prefix that is too short or not hex, `.notFound` when no
    ///   task matches, `.ambiguousID` listing the candidates when several do.
    public func task(prefix: String) throws(StoreError) -> StoredTask {
        let prefix = prefix.lowercased()
        guard prefix.count >= Self.minimumPrefixLength, prefix.count <= 16, prefix.allSatisfy(\.isHexDigit) else {
            throw StoreError(
                .invalidInput,
                "`\(prefix)` is not a task id: give \(Self.minimumPrefixLength) to 16 hex digits, as `kizuna today` shows them")
        }
        let limit = 10
        let matches = try read { db in
            // Every id digit sorts before "g", so the prefix's ids are the range [prefix, prefix + "g").
            try TaskRow.fetchAll(
                db, sql: "SELECT * FROM tasks WHERE id >= ? AND id < ? ORDER BY id LIMIT ?",
                arguments: [prefix, prefix + "g", limit + 1])
        }
        switch matches.count {
        case 0:
            throw StoreError(.notFound, "no task id starts with `\(prefix)` in the store at \(path)")
        case 1:
            return matches[0].storedTask
        default:
            let candidates = matches.prefix(limit).map { "  \($0.id)  \($0.customer)  \($0.title)" }
            let more = matches.count > limit ? "\n  …" : ""
            throw StoreError(
                .ambiguousID,
                "task id prefix `\(prefix)` is ambiguous; type more digits of one of:\n"
                    + candidates.joined(separator: "\n") + more)
        }
    }

    /// Tasks due before `dueBefore` that still ask for work: open ones, and snoozed ones whose
    /// (moved) due comes before it, of `owner` (the effective owner) or of everyone; by due.
    public func openTasks(dueBefore: Instant, owner: String?) throws(StoreError) -> [StoredTask] {
        try pendingTasks(
            sql: Self.openTasksSQL(ownerFilter: owner != nil), owner: owner, arguments: [dueBefore.secondsSinceEpoch])
    }

    /// Pending tasks starting (a snooze moves the start) in `[from, to)`, of `owner` or of everyone; by start;
    /// the first `limit` of them when given.
    public func upcoming(from: Instant, to: Instant, owner: String?, limit: Int? = nil) throws(StoreError) -> [StoredTask] {
        try pendingTasks(
            sql: Self.upcomingSQL(ownerFilter: owner != nil) + (limit.map { " LIMIT \($0)" } ?? ""), owner: owner,
            arguments: [from.secondsSinceEpoch, to.secondsSinceEpoch])
    }

    /// The reminders stored for a task, by instant.
    public func reminders(of id: TaskID) throws(StoreError) -> [StoredReminder] {
        try read { db in
            try ReminderRow.filter(Column("task") == id.hex).order(Column("instant"), Column("id")).fetchAll(db)
                .compactMap(\.storedReminder)
        }
    }

    /// Runs one of the pending-task queries, with the owner's argument first when there is one.
    private func pendingTasks(sql: String, owner: String?, arguments: StatementArguments) throws(StoreError)
        -> [StoredTask]
    {
        let all: StatementArguments = owner.map { [$0] + arguments } ?? arguments
        return try read { db in try TaskRow.fetchAll(db, sql: sql, arguments: all).storedTasks }
    }

    /// The query behind `openTasks(dueBefore:owner:)`.
    static func openTasksSQL(ownerFilter: Bool) -> String {
        pendingTasksSQL(where: "due_effective < ?", ownerFilter: ownerFilter, order: "due_effective")
    }

    /// The query behind `upcoming(from:to:owner:)`.
    static func upcomingSQL(ownerFilter: Bool) -> String {
        pendingTasksSQL(where: "start_effective >= ? AND start_effective < ?", ownerFilter: ownerFilter, order: "start_effective")
    }

    /// Open or snoozed tasks matching `condition` on the generated columns. The `state IN (…)`
    /// term repeats the partial indexes' condition word for word, which lets SQLite use them.
    private static func pendingTasksSQL(where condition: String, ownerFilter: Bool, order: String) -> String {
        let ownerCondition = ownerFilter ? "owner_effective = ? AND " : ""
        return """
            SELECT * FROM tasks
            WHERE state IN ('open', 'snoozed') AND \(ownerCondition)\(condition)
            ORDER BY \(order), id
            """
    }
}
