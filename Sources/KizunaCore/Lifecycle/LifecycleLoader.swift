/// Reads a team's lifecycle, `lifecycle.yaml` beside `kizuna.yaml` (see docs/lifecycle.md).
public enum LifecycleLoader {
    /// The file's name in the configuration's folder.
    public static let fileName = "lifecycle.yaml"
    static let keys = ["kizuna", "stages", "transitions"]
    static let transitionKeys = ["from", "to", "after", "when"]

    /// The lifecycle beside the configuration file `configuration`; the standard one when
    /// there is no such file.
    ///
    /// - Throws: every problem of the file, in file order, at its line and column.
    public static func load(beside configuration: String) throws(DiagnosticList) -> Lifecycle {
        try load(path: SideFile.path(fileName, beside: configuration)) ?? .standard
    }

    /// The lifecycle in the file at `path`, `nil` when there is no such file.
    public static func load(path: String) throws(DiagnosticList) -> Lifecycle? {
        try SideFile.read(path: path, context: "the lifecycle", allowed: keys) { map, yaml in
            LifecycleReader(yaml: yaml).read(map)
        }
    }
}

/// Reads the root mapping of `lifecycle.yaml`.
struct LifecycleReader {
    let yaml: YAMLReader

    private var diagnostics: DiagnosticCollector { yaml.diagnostics }

    func read(_ map: YAMLMapping) -> Lifecycle? {
        var stages = Lifecycle.standard.stages
        if let node = map["stages"] {
            guard let names = yaml.list(node, expected: "the stages in order, such as `[onboarding, adoption, mature]`")?
                .compactMap({ yaml.identifier($0, expected: "a stage name") })
            else { return nil }
            for (index, name) in names.enumerated() where names[..<index].contains(where: { $0.text == name.text }) {
                diagnostics.report("stage `\(name.text)` is listed twice", at: name.location)
            }
            stages = names.map(\.text).filter { $0 != Lifecycle.churned } + [Lifecycle.churned]
        }
        let transitions = map["transitions"].flatMap { yaml.list($0, expected: "a list of transitions", single: false) } ?? []
        let read = transitions.compactMap { transition($0, stages: stages) }
        guard read.count == transitions.count else { return nil }
        return Lifecycle(stages: stages, transitions: read)
    }

    private func transition(_ node: YAMLNode, stages: [String]) -> StageTransition? {
        guard let map = yaml.mapping(node, expected: "a transition (a mapping with `from`, `to` and `after` or `when`)",
                                     context: "the transition", allowed: LifecycleLoader.transitionKeys)
        else { return nil }
        let from = map.required("from", "the stage or stages it leaves", diagnostics: diagnostics)
            .flatMap { yaml.scalars($0, expected: "a stage or a list of stages", item: "a stage") }?.compactMap { stage($0, stages) }
        let to = map.required("to", "the stage it enters", diagnostics: diagnostics)
            .flatMap { yaml.scalar($0, expected: "a stage") }.flatMap { stage($0, stages) }
        let after = map["after"].flatMap { yaml.parse($0, expected: "a time in the stage such as `90 days`", CadenceParser.parseSpan) }
        if let after, after.amount <= 0, let node = map["after"] {
            diagnostics.report("expected a positive time in the stage, found `\(after)`", at: node.location)
        }
        let when = map["when"].flatMap { yaml.condition($0, expected: "a condition such as `days_in_stage > 90`") }
        if map["after"] == nil, map["when"] == nil {
            diagnostics.report("a transition needs `after` (a time in the stage) or `when` (a condition)", at: map.node.location)
        }
        guard let from, let to, map["after"] == nil || after != nil, map["when"] == nil || when != nil, after != nil || when != nil
        else { return nil }
        return StageTransition(from: from, to: to, after: after, when: when)
    }

    private func stage(_ scalar: YAMLScalar, _ stages: [String]) -> String? {
        if stages.contains(scalar.text) { return scalar.text }
        diagnostics.report(
            "unknown stage `\(scalar.text)`", at: scalar.location,
            hint: didYouMean(scalar.text, among: stages) ?? "expected one of \(stages.joined(separator: ", "))")
        return nil
    }
}
