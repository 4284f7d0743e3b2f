import KizunaCore

/// What `playbooks explain` shows: a play's occurrences for one customer, step by step.
struct Explanation: Encodable {
    struct OccurrenceReport: Encodable {
        let occurrence: String
        let at: String
        let tasks: [StepReport]
        let waiting: [String]
    }

    struct StepReport: Encodable {
        let id: String
        let step: String
        let title: String
        let owner: String
        let priority: Priority
        let start: String
        let due: String
        let reminders: [ReminderReport]
    }

    struct ReminderReport: Encodable {
        let at: String
        let recipient: String
        let rule: String
        let channel: String?
    }

    let playbook: String
    let customer: String
    let timezone: String
    let applies: Bool
    let occurrences: [OccurrenceReport]
    private let title: String
    private let customerName: String
    private let trigger: Trigger

    enum CodingKeys: String, CodingKey {
        case playbook, customer, timezone, applies, occurrences
    }

    init(playbook: Playbook, customer: Customer, zone: Zone, occurrences: [PlannedOccurrence], applies: Bool) {
        self.playbook = playbook.id
        self.customer = customer.id
        timezone = zone.identifier
        self.applies = applies
        title = playbook.title
        customerName = customer.name
        trigger = playbook.trigger
        self.occurrences = occurrences.map { planned in
            OccurrenceReport(
                occurrence: planned.occurrence.key, at: zone.iso8601(planned.occurrence.instant),
                tasks: planned.tasks.map { task in
                    StepReport(
                        id: task.id.hex, step: task.step, title: task.title, owner: task.owner, priority: task.priority,
                        start: zone.iso8601(task.start), due: zone.iso8601(task.due),
                        reminders: task.reminders.map {
                            ReminderReport(at: zone.iso8601($0.instant), recipient: $0.recipient, rule: $0.timing.phrase, channel: $0.channel)
                        })
                },
                waiting: planned.waiting)
        }
    }

    func print(style: Style) {
        let zone = Zone.named(timezone) ?? .utc
        Swift.print(style.bold("\(title) (\(playbook)) for \(customerName) (\(customer))") + style.dim(" · \(timezone)"))
        if !applies {
            Swift.print("The play does not apply to this customer (stage or segment), so it produces nothing.")
            return
        }
        if case .condition(let condition, _) = trigger {
            Swift.print("The play fires when `\(condition)` becomes true; each firing is an occurrence on its day.")
        }
        if occurrences.isEmpty { Swift.print("No occurrence in this period.") }
        for occurrence in occurrences {
            Swift.print("")
            Swift.print(style.bold(TimeFormat.dayTimeAndOffset(instant(occurrence.at, zone), in: zone)))
            for task in occurrence.tasks {
                Swift.print("  \(style.cyan(String(task.id.prefix(7))))  \(task.step): \(task.title)  · \(task.owner) · \(task.priority.rawValue)")
                Swift.print("           start \(TimeFormat.dayAndTime(instant(task.start, zone), in: zone))   due \(TimeFormat.dayAndTime(instant(task.due, zone), in: zone))")
                for reminder in task.reminders {
                    Swift.print(style.dim("           remind \(TimeFormat.dayAndTime(instant(reminder.at, zone), in: zone)) → \(reminder.recipient) (\(reminder.rule))"))
                }
            }
            for step in occurrence.waiting {
                Swift.print(style.dim("  \(step): dated when the previous step is done"))
            }
        }
    }

    private func instant(_ iso: String, _ zone: Zone) -> Instant {
        Instant(iso8601: iso, defaultZone: zone)!
    }
}
