import GRDB
import KizunaCore

/// What a materialization reads before it writes anything, and the order it writes in.
struct MaterializationReads: Sendable {
    /// The index of the first task of each id in the plan, in id order (`Store.firstOfEachID`).
    var order: [Int]
    /// The end of each pause still running at the plan's start (`Store.pausedUntil`).
    var pausedUntil: [String: Int64]
    var comparison: PlanComparison
    /// The stored reminders of the compared tasks the store has, by task id.
    var reminders: [String: [ReminderRow]]
}

/// Reads a materialization made ahead of its transaction, outside it: they stand for the
/// transaction's own unless something outside a pass wrote since (`OutsideWrites`).
struct ReadAhead: Sendable {
    var reads: MaterializationReads
    /// `OutsideWrites.count` before the reads began.
    var outsideWrites: Int
}

extension Store {
    /// Reads what materializing `planned` over `[from, to)` in `order` (`firstOfEachID`)
    /// compares it with, in `db`. `window` is what
    /// `pendingTasks(startingFrom:to:customers:playbooks:in:)` read for it, in `db`'s snapshot
    /// or one that no write of the same tasks has changed since; `nil` reads it.
    func materializationReads(
        planned: [PlannedTask], order: [Int], from: Instant, to: Instant, customers: Set<String>?, playbooks: Set<String>?,
        window: [PendingTask]? = nil, in db: Database
    ) throws -> MaterializationReads {
        let window = try window ?? pendingTasks(startingFrom: from, to: to, customers: customers, playbooks: playbooks, in: db)
        let comparison = try compare(planned, at: order, window: window, in: db)
        return MaterializationReads(
            order: order, pausedUntil: try pausedUntil(after: from, in: db), comparison: comparison,
            reminders: try storedReminders(tasks: comparison.entries.compactMap(\.stored?.id), in: db))
    }
}
