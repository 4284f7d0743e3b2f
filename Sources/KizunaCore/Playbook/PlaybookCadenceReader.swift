/// Reads a playbook's `cadence`: a one-line string (`every week on tuesday at 10:00`,
/// `RRULE:FREQ=…`) or a mapping of its parts, checked for days the period cannot have.
struct PlaybookCadenceReader {
    static let keys = ["every", "on", "at", "from", "until", "count", "holidays", "recur", "rrule"]
    /// The keys that cannot stand beside `rrule`: the rule expresses them itself, and it
    /// starts (DTSTART) at the play's natural anchor.
    private static let ruleKeys: Set<String> = ["every", "on", "at", "from", "until", "count", "recur"]
    private static let recurrences: [String: Cadence.Recurrence] = ["fixed": .fixed, "after completion": .afterCompletion]

    let yaml: YAMLReader

    private var diagnostics: DiagnosticCollector { yaml.diagnostics }

    func schedule(_ node: YAMLNode) -> Schedule? {
        if let line = node.scalar, !line.isEmpty {
            return line.parse(diagnostics, Schedule.parse)
        }
        guard let map = yaml.mapping(node, expected: "a cadence (`every week on tuesday` or a mapping with `every`)", context: "the cadence",
                                      allowed: Self.keys)
        else { return nil }
        let holidays = map["holidays"].flatMap { yaml.parse($0, expected: "a holiday policy", CadenceParser.parseHolidayPolicy) }
        if let ruleNode = map["rrule"] {
            for key in map.keys where Self.ruleKeys.contains(key) {
                diagnostics.report("`\(key)` cannot be combined with `rrule`", at: map.keyLocation(key), hint: "express it in the RRULE; only `holidays` may stand beside it")
            }
            return yaml.scalar(ruleNode, expected: "an RRULE such as `FREQ=WEEKLY;BYDAY=TU`").flatMap { rule($0, holidays: holidays ?? .keep) }
        }
        return cadence(map, holidays: holidays).map(Schedule.cadence)
    }

    private func rule(_ scalar: YAMLScalar, holidays: HolidayPolicy) -> Schedule? {
        scalar.parse(diagnostics) { text throws(SyntaxError) in try RecurrenceRule(parsing: text) }
            .map { .rrule($0, holidays: holidays) }
    }

    private func cadence(_ map: YAMLMapping, holidays: HolidayPolicy?) -> Cadence? {
        let reported = diagnostics.count
        let every = map.required("every", "the period, such as `week` or `2 weeks`", diagnostics: diagnostics)
            .flatMap { yaml.parse($0, expected: "a period such as `week`", CadenceParser.parseFrequency) }
        let days = map["on"].flatMap { yaml.scalars($0, expected: "a day or a list of days", item: "a day") } ?? []
        let selectors = days.flatMap { scalar in
            scalar.parse(diagnostics) { text throws(SyntaxError) in try CadenceParser.parseDays(text, for: every?.frequency) } ?? []
        }
        let times = map["at"].flatMap { yaml.scalars($0, expected: "a time or a list of times", item: "a time such as `10:00`") }?
            .compactMap { $0.parse(diagnostics, CadenceParser.parseTimes) }.flatMap { $0 }
        let start = map["from"].flatMap { yaml.parse($0, expected: "an anchor such as `stage entered`", CadenceParser.parseAnchor) }
        let end = self.end(map)
        let recurrence = map["recur"].flatMap(recurrence)
        guard let every, diagnostics.count == reported else { return nil }
        return Cadence(
            interval: every.interval, frequency: every.frequency, days: selectors, times: times ?? [],
            holidays: holidays ?? .keep, start: start, end: end, recurrence: recurrence ?? .fixed)
    }

    /// `until` (an anchor) or `count` (a number of occurrences), not both.
    private func end(_ map: YAMLMapping) -> CadenceEnd? {
        if map["until"] != nil, let count = map.keyLocation("count") {
            diagnostics.report("a cadence ends either `until` a date or after a `count`, not both", at: count)
        }
        if let node = map["until"] {
            return yaml.parse(node, expected: "an end date such as `renewal date`", CadenceParser.parseAnchor).map(CadenceEnd.until)
        }
        return map["count"].flatMap { yaml.integer($0, expected: "a number of occurrences (1 or more)", in: 1...Int.max) }
            .map(CadenceEnd.count)
    }

    private func recurrence(_ node: YAMLNode) -> Cadence.Recurrence? {
        guard let scalar = yaml.scalar(node, expected: "`fixed` or `after completion`") else { return nil }
        if let recurrence = Self.recurrences[scalar.text] { return recurrence }
        diagnostics.report(
            "expected `fixed` or `after completion`, found `\(scalar.text)`", at: scalar.location,
            hint: didYouMean(scalar.text, among: Self.recurrences.keys))
        return nil
    }
}
