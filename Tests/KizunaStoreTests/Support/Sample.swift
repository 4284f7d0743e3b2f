import KizunaCore
import KizunaStore

/// Customers and planned tasks for the tests, dated from a fixed instant.
enum Sample {
    /// 2027-01-04T00:00:00Z, a Monday.
    static let monday = Instant(secondsSinceEpoch: 1_799_020_800)
    static let day: Int64 = 86_400

    static func at(day offset: Int, hour: Int = 0) -> Instant {
        monday.adding(seconds: Int64(offset) * day + Int64(hour) * 3600)
    }

    /// Playbook `daily`: a task titled `title` every day at 10:00, with the catch-up policy
    /// `catchUp` when given.
    static func dailyPlaybook(title: String = "Check in", catchUp: String? = nil) throws -> Playbook {
        try PlaybookLoader.load(
            file: "daily.yaml",
            text: """
                kizuna: 1
                playbook: daily
                title: Daily
                cadence: every day at 10:00
                \(catchUp.map { "catch_up: \($0)" } ?? "")
                task:
                  title: \(title)
                """)
    }

    static func customer(_ id: String, stage: String = "onboarding", csm: String = "aiko", entered: Instant = monday)
        -> Customer
    {
        Customer(id: id, name: "Customer \(id)", csm: csm, teamLead: "lead", stage: stage, stageEntered: entered)
    }

    /// A one-step task of `playbook` for `customer` starting on day `offset` at 10:00, due a day later.
    static func task(
        _ customer: String, playbook: String = "onboarding-weekly", day offset: Int, owner: String = "aiko",
        title: String = "Follow-up", priority: Priority = .high, dueAfter hours: Int = 24,
        reminders: [ReminderRule.Timing] = [.atDue]
    ) -> PlannedTask {
        let occurrence = "2027-01-\(4 + offset)T10:00"
        let start = at(day: offset, hour: 10)
        let due = start.adding(seconds: Int64(hours) * 3600)
        return PlannedTask(
            id: TaskID(playbook: playbook, step: "task", customer: customer, occurrence: occurrence), playbook: playbook,
            step: "task", customer: customer, occurrence: occurrence, title: "\(title): \(customer)", owner: owner,
            priority: priority, start: start, due: due, checklist: ["Review the success plan"],
            reminders: reminders.map { PlannedReminder(instant: due, recipient: owner, timing: $0) }, zone: .utc)
    }
}

extension Store {
    /// Materializes `planned` over the first four weeks from `Sample.monday`, cancelling with "playbook removed".
    @discardableResult
    func materialize(_ planned: [PlannedTask], customers: Set<String>? = nil, now: Instant = Sample.monday) throws
        -> MaterializationResult
    {
        try materialize(
            planned: planned, from: Sample.monday, to: Sample.at(day: 28), customers: customers, now: now,
            reasons: { _ in "playbook removed" })
    }
}
