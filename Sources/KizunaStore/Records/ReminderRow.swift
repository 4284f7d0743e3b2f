import GRDB
import KizunaCore

/// A row of `reminders`.
struct ReminderRow: Codable, Hashable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "reminders"

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
