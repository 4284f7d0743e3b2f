extension PlaybookReader {
    static let triggerKeys = ["cadence", "dates", "when"]

    /// Exactly one of `cadence`, `dates` and `when`.
    func trigger(_ map: YAMLMapping) -> Trigger? {
        let present = map.keys.filter(Self.triggerKeys.contains)
        if let cooldown = map.keyLocation("cooldown"), !present.contains("when") {
            diagnostics.report("`cooldown` applies only to a `when` trigger", at: cooldown, hint: "remove `cooldown`, or trigger with `when:`")
        }
        guard let key = present.first, let node = map[key] else {
            diagnostics.report(
                "missing trigger: a playbook fires on a `cadence`, on `dates` or `when` a condition holds",
                at: map.node.location, hint: "add one of `cadence:`, `dates:` or `when:`")
            return nil
        }
        for extra in present.dropFirst() {
            diagnostics.report(
                "a playbook has one trigger, found `\(key)` and `\(extra)`", at: map.keyLocation(extra),
                hint: "keep one of them, or split the play into two playbooks")
        }
        switch key {
        case "cadence":
            return PlaybookCadenceReader(yaml: yaml).schedule(node).map(Trigger.schedule)
        case "dates":
            let anchors = yaml.scalars(node, expected: "a date or a list of dates, such as `renewal date - 90 days`", item: "a date")?
                .compactMap { $0.parse(diagnostics, CadenceParser.parseAnchor) }
            return anchors.map(Trigger.dates)
        default:
            let condition = yaml.condition(node, expected: "a condition such as `health < 40`")
            guard let cooldownNode = map["cooldown"] else { return condition.map { .condition($0, cooldown: nil) } }
            let cooldown = yaml.parse(cooldownNode, expected: "a span such as `30 days`", CadenceParser.parseSpan)
            guard let condition, let cooldown else { return nil }
            return .condition(condition, cooldown: cooldown)
        }
    }
}
