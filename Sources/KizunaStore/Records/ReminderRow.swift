import GRDB
import KizunaCore

/// A row of `reminders`.
struct ReminderRow: Hashable, StoreRecord {
    static let sql = RecordSQL(
        table: "reminders",
        columns: ["task", "instant", "recipient", "timing", "channel"])

    var task: String
    var instant: Int64
    var recipient: String
    var timing: String
    var channel: String?

    init(_ reminder: PlannedReminder, of task: TaskID) {
        self.task = task.hex
        instant = reminder.instant.secondsSinceEpoch
        recipient = reminder.recipient
        timing = reminder.timing.words
        channel = reminder.channel
    }

    init(row: Row) {
        task = row["task"]
        instant = row["instant"]
        recipient = row["recipient"]
        timing = row["timing"]
        channel = row["channel"]
    }

    var values: [(any DatabaseValueConvertible)?] { [task, instant, recipient, timing, channel] }

    /// What tells a task's reminders apart: (timing, recipient), unique per task.
    var key: [String] { [timing, recipient] }

    var storedReminder: StoredReminder? {
        guard let id = TaskID(hex: task) else { return nil }
        return StoredReminder(
            task: id, instant: Instant(secondsSinceEpoch: instant), recipient: recipient, timing: timing, channel: channel)
    }
}

extension ReminderRule.Timing {
    /// The timing in words, the key (with the recipient) that tells a task's reminders apart.
    var words: String {
        switch self {
        case .beforeStart(let span): "\(span) before start"
        case .atStart: "at start"
        case .atDue: "at due"
        case .overdue(let span): "overdue by \(span)"
        }
    }
}
