import KizunaCore
import KizunaStore

/// What `show` prints of a task: its report, checklist, reminders and history.
struct TaskDetail: Encodable {
    struct Event: Encodable {
        let at: String
        let kind: String
        let actor: String
        let note: String?
    }

    struct Reminder: Encodable {
        let at: String
        let recipient: String
        let timing: String
        /// `delivered`, `late`, `failed`, `skipped`, `superseded`; `nil` while owed.
        let status: String?
        let deliveries: [Delivery]
    }

    struct Delivery: Encodable {
        let channel: String
        let attempt: Int
        let at: String
        let outcome: String
        let late: Bool
        let error: String?
    }

    let task: TaskReport
    let state: TaskState
    let note: String?
    let snoozedUntil: String?
    let reminders: [Reminder]
    let history: [Event]
    private let zone: Zone

    enum CodingKeys: String, CodingKey {
        case task, state, note, snoozedUntil = "snoozed_until", reminders, history
    }

    init(_ report: TaskReport, task: StoredTask, reminders: [ReminderDeliveries], history: [TaskEvent], zone: Zone) {
        self.task = report
        state = report.state
        note = task.note
        snoozedUntil = task.snoozedUntil.map(zone.iso8601)
        self.reminders = reminders.map { item in
            Reminder(
                at: zone.iso8601(item.reminder.instant), recipient: item.reminder.recipient, timing: item.reminder.timing,
                status: item.settlement?.rawValue,
                deliveries: item.attempts.map {
                    Delivery(
                        channel: $0.channel, attempt: $0.attempt, at: zone.iso8601($0.at), outcome: $0.outcome.rawValue, late: $0.late,
                        error: $0.error)
                })
        }
        self.history = history.map { Event(at: zone.iso8601($0.at), kind: $0.kind.rawValue, actor: $0.actor, note: $0.note) }
        self.zone = zone
    }

    func print(style: Style) {
        let report = task
        Swift.print(style.bold("\(style.cyan(report.shortID)) \(report.title)") + "  " + style.yellow(state.rawValue))
        Swift.print("  id        \(report.id)")
        Swift.print("  customer  \(report.customerName) (\(report.customer))")
        Swift.print("  playbook  \(report.playbook), step \(report.step)")
        Swift.print("  owner     \(report.owner), priority \(report.priority.rawValue), urgency \(report.urgency.value)")
        Swift.print("  start     \(time(report.start))")
        Swift.print("  due       \(time(report.due))" + (report.overdue && state.isPending ? style.red("  overdue") : ""))
        if let snoozedUntil { Swift.print("  snoozed   until \(time(snoozedUntil))") }
        if let note { Swift.print("  note      \(note)") }
        if !report.checklist.isEmpty {
            Swift.print(style.bold("Checklist"))
            for item in report.checklist { Swift.print("  [ ] \(item)") }
        }
        if !reminders.isEmpty {
            Swift.print(style.bold("Reminders"))
            for reminder in reminders {
                Swift.print(
                    "  \(time(reminder.at))  → \(reminder.recipient) (\(reminder.timing))" + (reminder.status.map { "  \($0)" } ?? ""))
                for delivery in reminder.deliveries {
                    let error = delivery.error.map { ": \($0)" } ?? ""
                    Swift.print("      \(time(delivery.at))  \(delivery.channel) #\(delivery.attempt) \(delivery.outcome)\(error)")
                }
            }
        }
        Swift.print(style.bold("History"))
        for event in history {
            Swift.print("  \(time(event.at))  \(event.kind) by \(event.actor)" + (event.note.map { ": \($0)" } ?? ""))
        }
    }

    /// An ISO 8601 instant of the report, shown in the team's zone.
    private func time(_ iso: String) -> String {
        Instant(iso8601: iso, defaultZone: zone).map { TimeFormat.dayAndTime($0, in: zone) } ?? iso
    }
}
