import GRDB
import KizunaCore

/// Stores planned tasks open, with their reminders: the rows a first planning pass writes by
/// the hundred thousand, bound column by column rather than through a record per row, and
/// many rows per statement (`BoundInsert.insert(into:columns:count:in:bind:)`).
struct PlannedTaskInserts {
    // The columns a new open task leaves NULL (reassignment, snooze, note, closing) are not named.
    static let taskColumns = [
        "id", "playbook", "step", "customer", "occurrence", "title", "owner", "priority", "start", "due", "zone", "state",
        "checklist", "created_at", "updated_at", "plan_digest",
    ]
    static let reminderColumns = ["task", "instant", "recipient", "timing", "channel"]

    private let db: Database
    /// Each reminder timing in words (its key in the table), worked out once per timing.
    private var timingWords: [ReminderRule.Timing: String] = [:]
    /// Each checklist as JSON: the tasks of one step share theirs.
    private var checklists: [[String]: String] = [:]

    /// Prepares the inserts in `db`, for one transaction's rows.
    init(in db: Database) {
        self.db = db
    }

    /// Stores the tasks of `planned` at `indexes` (each id once) open, created at `now`, with
    /// the digest of their plan, then their reminders (whose tasks must exist first). Rows go
    /// in the order given: in id order, a batch's new rows go into the indexes keyed by task
    /// page after page rather than all over them.
    mutating func insert(_ planned: [PlannedTask], at indexes: [Int], createdAt now: Instant) throws {
        // Each task is bound in place, borrowed: a copy would retain and release each of its
        // strings and arrays, hundreds of thousands of times in a first pass.
        try planned.withUnsafeBufferPointer { buffer throws in
            // A pointer's subscript lends its element; a buffer's returns a copy.
            guard let tasks = buffer.baseAddress else { return }
            try BoundInsert.insert(into: "tasks", columns: Self.taskColumns, count: indexes.count, in: db) { index, row in
                let task = indexes[index]
                try Self.bind(tasks[task], checklist: json(of: tasks[task].checklist), createdAt: now, to: row)
            }
            let reminders = keptReminders(of: tasks, at: indexes)
            try BoundInsert.insert(into: "reminders", columns: Self.reminderColumns, count: reminders.count, in: db) { index, row in
                let (task, reminder, timing) = reminders[index]
                try Self.bind(tasks[task], reminder: reminder, timing: timing, to: row)
            }
        }
    }

    /// The reminders stored of the tasks at `indexes`, with their timing in words: one per task,
    /// timing and recipient, the task's last of them, as `Store.syncReminders` keeps. The table
    /// has no unique key: the writes keep reminders unique.
    private mutating func keptReminders(of tasks: UnsafePointer<PlannedTask>, at indexes: [Int])
        -> [(task: Int, reminder: Int, timing: String)]
    {
        var kept: [(task: Int, reminder: Int, timing: String)] = []
        for task in indexes {
            let first = kept.count
            for (reminder, planned) in tasks[task].reminders.enumerated() {
                let timing = words(of: planned.timing)
                let same = kept[first...].firstIndex {
                    $0.timing == timing && tasks[task].reminders[$0.reminder].recipient == planned.recipient
                }
                if let same { kept[same].reminder = reminder } else { kept.append((task, reminder, timing)) }
            }
        }
        return kept
    }

    /// Binds `task`, whose checklist is `checklist` in JSON. Not mutating: a task borrowed
    /// across a call that mutates something is copied first.
    private static func bind(_ task: borrowing PlannedTask, checklist: String, createdAt now: Instant, to row: BoundInsert.Binder) throws {
        try row.bind(task.id.hex, at: 1)
        try row.bind(task.playbook, at: 2)
        try row.bind(task.step, at: 3)
        try row.bind(task.customer, at: 4)
        try row.bind(task.occurrence, at: 5)
        try row.bind(task.title, at: 6)
        try row.bind(task.owner, at: 7)
        try row.bind(task.priority.rawValue, at: 8)
        try row.bind(task.start.secondsSinceEpoch, at: 9)
        try row.bind(task.due.secondsSinceEpoch, at: 10)
        try row.bind(task.zone.identifier, at: 11)
        try row.bind(TaskState.open.rawValue, at: 12)
        try row.bind(checklist, at: 13)
        try row.bind(now.secondsSinceEpoch, at: 14)
        try row.bind(now.secondsSinceEpoch, at: 15)
        try row.bind(task.planDigest, at: 16)
    }

    /// Binds the reminder at `index` of `task`, whose timing is `timing` in words.
    private static func bind(_ task: borrowing PlannedTask, reminder index: Int, timing: String, to row: BoundInsert.Binder) throws {
        try row.bind(task.id.hex, at: 1)
        try row.bind(task.reminders[index].instant.secondsSinceEpoch, at: 2)
        try row.bind(task.reminders[index].recipient, at: 3)
        try row.bind(timing, at: 4)
        try row.bind(task.reminders[index].channel, at: 5)
    }

    private mutating func json(of checklist: [String]) -> String {
        if let json = checklists[checklist] { return json }
        let json = JSONColumn.encode(checklist)
        checklists[checklist] = json
        return json
    }

    private mutating func words(of timing: ReminderRule.Timing) -> String {
        if let words = timingWords[timing] { return words }
        let words = timing.words
        timingWords[timing] = words
        return words
    }
}
