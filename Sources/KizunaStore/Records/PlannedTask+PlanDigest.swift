import KizunaCore

extension PlannedTask {
    /// The digest of everything a pass writes to a pending task for this plan: title, owner,
    /// priority, dates, zone, checklist and reminders; not what people set (state, snooze,
    /// reassignment, note). A task stores the digest of the plan it last followed
    /// (`tasks.plan_digest`), so a pass that finds the same digest knows the task follows its
    /// plan without reading its row. It is the same in every process and version that stores
    /// a plan the same way.
    var planDigest: Int64 {
        var digest = StableDigest()
        digest.add(Self.planDigestVersion)
        digest.add(field: title)
        digest.add(field: owner)
        digest.add(field: priority.rawValue)
        digest.add(start.secondsSinceEpoch)
        digest.add(due.secondsSinceEpoch)
        digest.add(field: zone.identifier)
        digest.add(Int64(checklist.count))
        for item in checklist { digest.add(field: item) }
        digest.add(Int64(reminders.count))
        for reminder in reminders {
            digest.add(reminder.instant.secondsSinceEpoch)
            digest.add(field: reminder.recipient)
            digest.add(reminder.timing)
            digest.add(optional: reminder.channel)
        }
        return Int64(bitPattern: digest.value)
    }

    /// Leads every plan digest: a version that stores the same plan otherwise (another column,
    /// another form of a value) changes it, and each task is then compared in full once.
    private static let planDigestVersion: Int64 = 1
}

extension StableDigest {
    /// Feeds a text with its length first, so that no two lists of texts feed the same bytes.
    fileprivate mutating func add(field text: String) {
        add(Int64(text.utf8.count))
        add(text)
    }

    fileprivate mutating func add(optional text: String?) {
        guard let text else { return add(byte: 0) }
        add(byte: 1)
        add(field: text)
    }

    fileprivate mutating func add(_ timing: ReminderRule.Timing) {
        switch timing {
        case .beforeStart(let span):
            add(byte: 1)
            add(span)
        case .atStart: add(byte: 2)
        case .atDue: add(byte: 3)
        case .overdue(let span):
            add(byte: 4)
            add(span)
        }
    }

    fileprivate mutating func add(_ span: CalendarSpan) {
        add(Int64(span.amount))
        add(field: span.unit.rawValue)
    }
}
