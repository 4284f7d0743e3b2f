import GRDB
import KizunaCore

/// Stores planned tasks open, with their reminders: the rows a first planning pass writes by
/// the hundred thousand, bound column by column rather than through a record per row.
struct PlannedTaskInserts {
    private let task: BoundInsert
    private let reminder: BoundInsert
    /// Each reminder timing in words (its key in the table), worked out once per timing.
    private var timingWords: [ReminderRule.Timing: String] = [:]
    /// Each checklist as JSON: the tasks of one step share theirs.
    private var checklists: [[String]: String] = [:]

    /// Prepares the inserts in `db`, for one transaction's rows.
    init(in db: Database) throws {
        // The columns a new open task leaves NULL (reassignment, snooze, note, closing) are not named.
        task = try BoundInsert(
            """
            INSERT INTO tasks (id, playbook, step, customer, occurrence, title, owner, priority, start, due, zone, state,
                checklist, created_at, updated_at, plan_digest)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, in: db)
        reminder = try BoundInsert(
            "INSERT INTO reminders (task, instant, recipient, timing, channel) VALUES (?, ?, ?, ?, ?)", in: db)
    }

    /// Stores `planned` open, created at `now`, with its reminders and the digest of its plan.
    mutating func insert(_ planned: PlannedTask, at now: Instant) throws {
        let id = planned.id.hex
        let checklist = json(of: planned.checklist)
        try task.insert { row in
            try row.bind(id, at: 1)
            try row.bind(planned.playbook, at: 2)
            try row.bind(planned.step, at: 3)
            try row.bind(planned.customer, at: 4)
            try row.bind(planned.occurrence, at: 5)
            try row.bind(planned.title, at: 6)
            try row.bind(planned.owner, at: 7)
            try row.bind(planned.priority.rawValue, at: 8)
            try row.bind(planned.start.secondsSinceEpoch, at: 9)
            try row.bind(planned.due.secondsSinceEpoch, at: 10)
            try row.bind(planned.zone.identifier, at: 11)
            try row.bind(TaskState.open.rawValue, at: 12)
            try row.bind(checklist, at: 13)
            try row.bind(now.secondsSinceEpoch, at: 14)
            try row.bind(now.secondsSinceEpoch, at: 15)
            try row.bind(planned.planDigest, at: 16)
        }
        for planned in planned.reminders {
            let timing = words(of: planned.timing)
            try reminder.insert { row in
                try row.bind(id, at: 1)
                try row.bind(planned.instant.secondsSinceEpoch, at: 2)
                try row.bind(planned.recipient, at: 3)
                try row.bind(timing, at: 4)
                try row.bind(planned.channel, at: 5)
            }
        }
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
