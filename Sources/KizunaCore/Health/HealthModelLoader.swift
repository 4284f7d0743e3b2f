/// Reads a team's health model, `health.yaml` beside `kizuna.yaml` (see docs/health.md).
public enum HealthModelLoader {
    /// The file's name in the configuration's folder.
    public static let fileName = "health.yaml"
    static let keys = ["kizuna", "metrics", "bands", "trend", "coverage", "measures"]
    static let measureKeys = ["name", "metric", "aggregate", "window", "bad", "good", "weight"]

    /// The model beside the configuration file `configuration`, `nil` when there is none.
    ///
    /// - Throws: every problem of the file, in file order, at its line and column.
    public static func load(beside configuration: String) throws(DiagnosticList) -> HealthModel? {
        try load(path: SideFile.path(fileName, beside: configuration))
    }

    /// The model in the file at `path`, `nil` when there is no such file.
    public static func load(path: String) throws(DiagnosticList) -> HealthModel? {
        try SideFile.read(path: path, context: "the health model", allowed: keys) { map, yaml in
            HealthModelReader(yaml: yaml).read(map)
        }
    }
}

/// Reads the root mapping of `health.yaml`.
struct HealthModelReader {
    let yaml: YAMLReader

    private var diagnostics: DiagnosticCollector { yaml.diagnostics }

    func read(_ map: YAMLMapping) -> HealthModel? {
        let metrics = map["metrics"].flatMap { yaml.scalars($0, expected: "a list of metric names", item: "a metric name") }
        let known = metrics.map { Set($0.map(\.text)) }
        let bands = map["bands"].flatMap(bands) ?? HealthBands()
        let trend = map["trend"].flatMap(window) ?? CalendarSpan(28, .day)
        let coverage = map["coverage"].flatMap(percentage) ?? 0.5
        guard let list = map.required("measures", "a list of measures", diagnostics: diagnostics)
            .flatMap({ yaml.list($0, expected: "a list of measures", single: false) })
        else { return nil }
        if list.isEmpty, let node = map["measures"] { diagnostics.report("a health model needs at least one measure", at: node.location) }
        let measures = list.compactMap { measure($0, metrics: known) }
        guard measures.count == list.count else { return nil }
        return HealthModel(metrics: known, measures: measures, bands: bands, trend: trend, coverage: coverage)
    }

    private func measure(_ node: YAMLNode, metrics: Set<String>?) -> HealthMeasure? {
        guard let map = yaml.mapping(node, expected: "a measure (a mapping with `metric`, `bad`, `good`, `weight`)",
                                     context: "the measure", allowed: HealthModelLoader.measureKeys)
        else { return nil }
        let metric = map.required("metric", "the signal metric it reads, such as `logins`", diagnostics: diagnostics)
            .flatMap { yaml.scalar($0, expected: "a metric name") }
        if let metric, let metrics, !metrics.contains(metric.text) {
            diagnostics.report(
                "unknown metric `\(metric.text)`: the model's `metrics` do not name it", at: metric.location,
                hint: didYouMean(metric.text, among: metrics) ?? "add it to `metrics`")
        }
        let aggregate = map["aggregate"].flatMap { yaml.choice($0, "an aggregate", as: HealthAggregate.self) } ?? .latest
        let window = map.required("window", "the days it looks back, such as `28 days`", diagnostics: diagnostics).flatMap(window)
        let bad = map.required("bad", "the value that scores 0", diagnostics: diagnostics).flatMap { yaml.number($0, expected: "a number") }
        let good = map.required("good", "the value that scores 100", diagnostics: diagnostics).flatMap { yaml.number($0, expected: "a number") }
        if let bad, let good, bad == good, let node = map["good"] {
            diagnostics.report("`good` and `bad` are both \(bad): a measure needs two different bounds", at: node.location)
        }
        let weightNode = map.required("weight", "a positive number", diagnostics: diagnostics)
        let weight = weightNode.flatMap { yaml.number($0, expected: "a positive weight") }
        if let weight, weight <= 0, let weightNode {
            diagnostics.report(
                "the weight must be positive, found `\(weightNode.scalar?.text ?? "")`", at: weightNode.location,
                hint: "remove the measure rather than give it no weight")
        }
        let name = map["name"].flatMap { yaml.scalar($0, expected: "the measure's name") }?.text ?? metric?.text
        guard let metric, let window, let bad, let good, bad != good, let weight, weight > 0, let name else { return nil }
        return HealthMeasure(name: name, metric: metric.text, aggregate: aggregate, window: window, bad: bad, good: good, weight: weight)
    }

    /// A span of days, weeks or months (`28 days`, `3 months`).
    private func window(_ node: YAMLNode) -> CalendarSpan? {
        guard let span = yaml.parse(node, expected: "a span such as `28 days`", CadenceParser.parseSpan) else { return nil }
        guard span.amount > 0, [.day, .week, .month, .quarter, .year].contains(span.unit) else {
            diagnostics.report("expected a positive number of days, weeks or months, found `\(span)`", at: node.location)
            return nil
        }
        return span
    }

    private func bands(_ node: YAMLNode) -> HealthBands? {
        guard let map = yaml.mapping(node, expected: "the bands (`red: 40`, `yellow: 70`)", context: "the bands", allowed: ["red", "yellow"])
        else { return nil }
        let defaults = HealthBands()
        let red = map["red"].flatMap { yaml.number($0, expected: "the score below which a customer is red") } ?? defaults.red
        let yellow = map["yellow"].flatMap { yaml.number($0, expected: "the score below which a customer is yellow") } ?? defaults.yellow
        guard 0 < red, red <= yellow, yellow <= 100 else {
            diagnostics.report("expected 0 < red <= yellow <= 100, found red \(red) and yellow \(yellow)", at: node.location)
            return nil
        }
        return HealthBands(red: red, yellow: yellow)
    }

    /// `50%` (or `50`) as 0.5.
    private func percentage(_ node: YAMLNode) -> Double? {
        guard let scalar = yaml.scalar(node, expected: "a percentage such as `50%`") else { return nil }
        let digits = scalar.text.hasSuffix("%") ? String(scalar.text.dropLast()) : scalar.text
        guard let value = Double(digits.trimmingWhitespace()), (0...100).contains(value) else {
            diagnostics.report("expected a percentage from 0% to 100%, found `\(scalar.text)`", at: scalar.location)
            return nil
        }
        return value / 100
    }
}
