import Foundation
import KizunaCore
import KizunaStore

/// The words of reminders and digests, in the zone their reader thinks in.
enum MessageText {
    /// A reminder: "Reminder (at due): Onboarding follow-up: Acme Corp — due Tue 2026-11-24 10:00 America/New_York".
    static func reminder(_ owed: OwedReminder, report: TaskReport, late: Bool, now: Instant) -> DeliveryMessage {
        let task = owed.task
        let due = task.zone.localDateTime(at: task.due)
        let when = "\(due.date.weekday.name.prefix(3).capitalized) \(due.date) \(due.time) \(task.zone.identifier)"
        let subject = "Reminder (\(owed.reminder.timing)): \(task.title)" + (late ? " [late]" : "")
        var lines = [
            subject, "Customer: \(owed.customerName) (\(task.customer))", "Due: \(when)" + (task.due < now ? " — overdue" : ""),
            "Owner: \(task.owner) · priority \(task.priority.rawValue) · task \(task.id.short)",
        ]
        if late { lines.append("This reminder was owed at \(task.zone.iso8601(owed.reminder.instant)) and is sent late.") }
        if !task.checklist.isEmpty { lines += ["Checklist:"] + task.checklist.map { "  [ ] \($0)" } }
        return DeliveryMessage(
            kind: .reminder, recipient: owed.reminder.recipient, late: late, subject: subject, text: lines.joined(separator: "\n"),
            reminder: .init(timing: owed.reminder.timing, instant: task.zone.iso8601(owed.reminder.instant), task: report),
            digest: nil)
    }

    /// A person's morning list: one line per task, most urgent first.
    static func digest(_ group: OwnerGroup, date: CivilDate, zone: Zone, late: Bool) -> DeliveryMessage {
        let count = group.tasks.count
        let subject = "Today, \(date.weekday.name.capitalized) \(date): \(count) task\(count == 1 ? "" : "s") for \(group.owner)"
        let lines = group.tasks.map { task in
            "\(task.shortID)  \(task.priority.rawValue)  \(task.overdue ? "OVERDUE" : "due \(task.due)")  \(task.title)"
        }
        return DeliveryMessage(
            kind: .digest, recipient: group.owner, late: late, subject: subject,
            text: ([subject] + lines).joined(separator: "\n"), reminder: nil,
            digest: .init(date: date.description, timezone: zone.identifier, tasks: group.tasks))
    }
}
