extension PlaybookReader {
    static let taskKeys = ["title", "owner", "priority", "due", "checklist"]
    static let stepKeys = ["id"] + taskKeys + ["start"]
    /// A step's owner when it names none: the customer's CSM.
    static let defaultOwner = Template(source: "{{ customer.csm }}", parts: [.variable("customer.csm")])

    /// The play's tasks: `task` (one) or `steps` (several), not both.
    func steps(_ map: YAMLMapping) -> [Step]? {
        switch (map["task"], map["steps"]) {
        case (let task?, nil):
            return step(task, id: "task").map { [$0] }
        case (_, let steps?):
            if map["task"] != nil {
                diagnostics.report("a playbook has either `task` or `steps`, not both", at: map.keyLocation("steps"),
                                   hint: "make the task one of the steps")
            }
            return multipleSteps(steps)
        case (nil, nil):
            diagnostics.report("missing the task the play creates", at: map.node.location,
                               hint: "add `task:` for one task, or `steps:` for several")
            return nil
        }
    }

    private func multipleSteps(_ node: YAMLNode) -> [Step]? {
        guard let items = yaml.list(node, expected: "a list of steps", single: false) else { return nil }
        var seen: [String: SourceLocation] = [:]
        var steps: [Step] = []
        for (index, item) in items.enumerated() {
            guard let map = yaml.mapping(item, expected: "a step (a mapping with `id` and `title`)", context: "a step", allowed: Self.stepKeys),
                let id = map.required("id", "the step's id, such as `agenda`", diagnostics: diagnostics)
                    .flatMap({ yaml.identifier($0, expected: "a step id") })
            else { continue }
            if let first = seen[id.text] {
                diagnostics.report("duplicate step id `\(id.text)`", at: id.location, hint: "first used at line \(first.line)")
            }
            seen[id.text] = seen[id.text] ?? id.location
            if let step = step(map, id: id.text, isFirst: index == 0) {
                steps.append(step)
            }
        }
        return steps
    }

    /// The one task of a `task:` play.
    private func step(_ node: YAMLNode, id: String) -> Step? {
        yaml.mapping(node, expected: "a task (a mapping with `title`)", context: "the task", allowed: Self.taskKeys).flatMap {
            step($0, id: id, isFirst: true)
        }
    }

    private func step(_ map: YAMLMapping, id: String, isFirst: Bool) -> Step? {
        let reported = diagnostics.count
        let title = map.required("title", "the task's title", diagnostics: diagnostics).flatMap { template($0) }
        let owner = map["owner"].flatMap { template($0) }
        let priority = map["priority"].flatMap { yaml.choice($0, "a priority", as: Priority.self) }
        let start = map["start"].flatMap { self.start($0, isFirst: isFirst) }
        let window = map["due"].flatMap { self.window($0) }
        let checklist = map["checklist"].flatMap { self.checklist($0) }
        guard let title, diagnostics.count == reported else { return nil }
        return Step(
            id: id, title: title, owner: owner ?? Self.defaultOwner, priority: priority ?? .medium,
            start: start ?? .occurrence(nil), window: window, checklist: checklist ?? [])
    }

    func template(_ node: YAMLNode) -> Template? {
        yaml.parse(node, expected: "a text", Template.init(parsing:))
    }

    /// `5 business days before`, `on the day`, `2 days after`, `after previous`,
    /// `2 business days after previous`.
    private func start(_ node: YAMLNode, isFirst: Bool) -> StepStart? {
        guard let scalar = yaml.scalar(node, expected: "a start such as `5 business days before` or `after previous`") else { return nil }
        let previous = "after previous"
        guard scalar.text.hasSuffix(previous) else {
            let span = scalar.parse(diagnostics, CadenceParser.parseRelativeSpan)
            return span.map { .occurrence($0.amount == 0 ? nil : $0) }
        }
        guard !isFirst else {
            diagnostics.report("the first step cannot start after a previous one", at: scalar.location,
                               hint: "start it relative to the occurrence, such as `on the day`")
            return nil
        }
        let spanLength = scalar.text.unicodeScalars.count - previous.unicodeScalars.count
        guard spanLength > 0 else { return .afterPrevious(CalendarSpan(0, .day)) }
        return scalar.parse(diagnostics, scalars: 0..<(spanLength - 1), CadenceParser.parseSpan).map(StepStart.afterPrevious)
    }

    /// `within 1 business day` (or just the span).
    private func window(_ node: YAMLNode) -> CalendarSpan? {
        guard let scalar = yaml.scalar(node, expected: "a due window such as `within 1 business day`") else { return nil }
        let within = "within "
        let skip = scalar.text.hasPrefix(within) ? within.count : 0
        return scalar.parse(diagnostics, scalars: skip..<scalar.text.unicodeScalars.count, CadenceParser.parseSpan)
    }

    /// Checklist items are texts; their placeholders are checked like any template's.
    private func checklist(_ node: YAMLNode) -> [String]? {
        guard let items = yaml.list(node, expected: "a list of checklist steps", single: false) else { return nil }
        return items.compactMap { item in
            yaml.scalar(item, expected: "a checklist step (a text)").flatMap { scalar in
                scalar.parse(diagnostics, Template.init(parsing:)).map { _ in scalar.text }
            }
        }
    }
}
