import KizunaCore

extension StoredTask {
    /// The domain of exported events' UIDs: `<task id>@kizuna`.
    public static let calendarDomain = "kizuna"
    /// How long a task's event lasts in a calendar: a slot to do it, not its whole window.
    public static let calendarEventLength: Int64 = 30 * 60

    /// The task as a calendar event starting at its start, for `customer` (its name, when known).
    /// `sequence` is the number of changes the task has had since it was created.
    public func calendarEvent(customerName: String?, sequence: Int) -> CalendarEvent {
        let customer = customerName.map { "\($0) (\(self.customer))" } ?? self.customer
        var lines = [
            "Customer: \(customer)", "Playbook: \(playbook)" + (step == "task" ? "" : ", step \(step)"),
            "Due: \(zone.iso8601(due)) (\(zone.identifier))", "Priority: \(priority.rawValue)",
        ]
        if !checklist.isEmpty {
            lines += ["", "Checklist:"] + checklist.map { "- \($0)" }
        }
        lines += ["", "Done? kizuna done \(id.hex.prefix(7))"]
        return CalendarEvent(
            uid: "\(id.hex)@\(Self.calendarDomain)", sequence: sequence, lastModified: updatedAt, start: start,
            end: start.adding(seconds: Self.calendarEventLength), summary: title, description: lines.joined(separator: "\n"),
            categories: ["Kizuna", playbook], priority: priority.calendarPriority)
    }
}

extension Priority {
    /// RFC 5545's PRIORITY: 1–4 high, 5 medium, 6–9 low.
    var calendarPriority: Int {
        switch self {
        case .critical: 1
        case .high: 3
        case .medium: 5
        case .low: 7
        }
    }
}
