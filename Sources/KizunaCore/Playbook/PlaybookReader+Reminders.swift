extension PlaybookReader {
    private static let reminderExpected =
        "a reminder such as `1 hour before` or `overdue by 1 business day: escalate to \"{{ customer.team_lead }}\"`"

    /// `remind:` a list of timings, each optionally mapped to an action.
    func reminders(_ node: YAMLNode) -> [ReminderRule]? {
        yaml.list(node, expected: "a list of reminders")?.compactMap(reminder)
    }

    private func reminder(_ node: YAMLNode) -> ReminderRule? {
        if let scalar = node.scalar, !scalar.isEmpty {
            return scalar.parse(diagnostics, ReminderParser.timing).map { ReminderRule(timing: $0) }
        }
        guard let pairs = node.pairs, pairs.count == 1, let when = pairs[0].key.scalar else {
            yaml.mismatch(node, expected: Self.reminderExpected)
            return nil
        }
        let timing = when.parse(diagnostics, ReminderParser.timing)
        let action = yaml.parse(pairs[0].value, expected: "`escalate to <person>` or `via <channel>`", ReminderParser.action)
        guard let timing, let action else { return nil }
        return ReminderRule(timing: timing, recipient: action.recipient, channel: action.channel)
    }
}
