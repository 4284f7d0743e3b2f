/// Reads one playbook file's root mapping into a `Playbook`, reporting every problem.
struct PlaybookReader {
    /// The schema version this reader understands.
    static let version = "1"
    static let keys = [
        "kizuna", "playbook", "title", "description", "applies", "cadence", "dates", "when", "cooldown", "timezone",
        "catch_up", "task", "steps", "remind",
    ]

    let yaml: YAMLReader
    /// The lifecycle stages `applies.stage` may name.
    let stages: [String]

    var diagnostics: DiagnosticCollector { yaml.diagnostics }

    /// The play, or `nil` when any problem was reported; `idLocation` is where its id is written.
    func read(_ root: YAMLNode) -> (playbook: Playbook, idLocation: SourceLocation)? {
        guard let map = yaml.mapping(root, expected: "a playbook (a mapping of keys such as `kizuna: 1`)", context: "the playbook", allowed: Self.keys),
            versionIsSupported(map)
        else { return nil }
        let id = map.required("playbook", "the playbook's id, such as `onboarding-weekly`", diagnostics: diagnostics)
            .flatMap { yaml.identifier($0, expected: "a playbook id") }
        let title = map.required("title", "the playbook's title", diagnostics: diagnostics)
            .flatMap { yaml.scalar($0, expected: "a title") }
        let description = map["description"].flatMap { yaml.scalar($0, expected: "a description") }
        let applies = map["applies"].flatMap(applicability)
        let trigger = self.trigger(map)
        let zone = map["timezone"].flatMap(zoneChoice)
        let catchUp = map["catch_up"].flatMap { yaml.choice($0, "a catch-up policy", as: CatchUpPolicy.self) }
        let steps = self.steps(map)
        let reminders = map["remind"].flatMap(self.reminders)
        guard diagnostics.isEmpty, let id, let title, let trigger, let steps else { return nil }
        let playbook = Playbook(
            id: id.text, title: title.text, description: description?.text, file: root.file,
            applies: applies ?? Applicability(), trigger: trigger, zone: zone ?? .customer, steps: steps,
            reminders: reminders ?? [], catchUp: catchUp ?? .latest)
        return (playbook, id.location)
    }

    /// `kizuna: 1`: required, and a file of another version is not read further.
    private func versionIsSupported(_ map: YAMLMapping) -> Bool {
        guard let node = map["kizuna"] else {
            diagnostics.report(
                "missing required key `kizuna`, the playbook schema version", at: map.node.location,
                hint: "add `kizuna: \(Self.version)` at the top of the file")
            return true
        }
        guard let scalar = yaml.scalar(node, expected: "the playbook schema version `\(Self.version)`") else { return false }
        guard scalar.text == Self.version else {
            diagnostics.report(
                "unsupported playbook schema version `\(scalar.text)`", at: scalar.location,
                hint: "this version of Kizuna reads `kizuna: \(Self.version)`")
            return false
        }
        return true
    }

    private func applicability(_ node: YAMLNode) -> Applicability? {
        guard let map = yaml.mapping(node, expected: "`applies` (a mapping with `stage` and `segment`)", context: "`applies`", allowed: ["stage", "segment"])
        else { return nil }
        let stages = map["stage"].flatMap { node in
            yaml.scalars(node, expected: "a stage or a list of stages", item: "a stage")?.compactMap(stage)
        }
        let segment = map["segment"].flatMap { yaml.condition($0, expected: "a condition") }
        // A segment is matched while planning, which does not read tasks' states.
        for reference in segment?.references ?? [] where reference.kind == .playbook {
            diagnostics.report(
                "`checklist_complete` cannot select a segment", at: reference.location,
                hint: "trigger the play with `when: checklist_complete(\"\(reference.name)\")` instead")
        }
        return Applicability(stages: stages ?? [], segment: segment)
    }

    private func stage(_ scalar: YAMLScalar) -> String? {
        guard stages.contains(scalar.text) else {
            diagnostics.report(
                "unknown lifecycle stage `\(scalar.text)`", at: scalar.location,
                hint: didYouMean(scalar.text, among: stages) ?? "expected one of \(stages.joined(separator: ", "))")
            return nil
        }
        return scalar.text
    }

    private func zoneChoice(_ node: YAMLNode) -> ZoneChoice? {
        guard let scalar = yaml.scalar(node, expected: "`customer`, `team` or an IANA time zone") else { return nil }
        switch scalar.text {
        case "customer": return .customer
        case "team": return .team
        default: return yaml.zone(scalar, alternatives: ["customer", "team"]).map(ZoneChoice.named)
        }
    }
}
