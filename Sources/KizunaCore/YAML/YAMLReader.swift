/// Turns YAML nodes into typed values, reporting every mismatch to a collector with the
/// node's place and what was expected, and carrying on so that all problems are found.
struct YAMLReader {
    let diagnostics: DiagnosticCollector

    /// The node as a mapping with the `allowed` keys, or `nil` after reporting what it is
    /// instead; `context` names it in messages about its keys ("the cadence").
    func mapping(_ node: YAMLNode, expected: String, context: String, allowed: [String]) -> YAMLMapping? {
        guard let pairs = node.pairs else {
            mismatch(node, expected: expected)
            return nil
        }
        return YAMLMapping(node, pairs: pairs, allowed: allowed, context: context, diagnostics: diagnostics)
    }

    /// The node as a non-empty scalar, or `nil` after reporting what it is instead.
    func scalar(_ node: YAMLNode, expected: String) -> YAMLScalar? {
        guard let scalar = node.scalar, !scalar.isEmpty else {
            mismatch(node, expected: expected)
            return nil
        }
        return scalar
    }

    /// The items of a list; a single scalar counts as a list of one when `single` is true.
    func list(_ node: YAMLNode, expected: String, single: Bool = true) -> [YAMLNode]? {
        if let items = node.items { return items }
        if single, let scalar = node.scalar, !scalar.isEmpty { return [node] }
        mismatch(node, expected: expected)
        return nil
    }

    /// Each item of a list (or a single scalar) as a non-empty scalar.
    func scalars(_ node: YAMLNode, expected: String, item: String) -> [YAMLScalar]? {
        list(node, expected: expected)?.compactMap { scalar($0, expected: item) }
    }

    /// A value that names one of an enumeration's cases (`priority: high`).
    func choice<T: RawRepresentable & CaseIterable>(_ node: YAMLNode, _ what: String, as type: T.Type) -> T?
    where T.RawValue == String {
        let names = T.allCases.map(\.rawValue)
        let expected = "\(what) (\(names.joined(separator: ", ")))"
        guard let scalar = scalar(node, expected: expected) else { return nil }
        if let value = T(rawValue: scalar.text) { return value }
        diagnostics.report(
            "expected \(expected), found `\(scalar.text)`", at: scalar.location,
            hint: didYouMean(scalar.text, among: names))
        return nil
    }

    /// A whole number in `range`.
    func integer(_ node: YAMLNode, expected: String, in range: ClosedRange<Int>) -> Int? {
        guard let scalar = scalar(node, expected: expected) else { return nil }
        guard let value = Int(scalar.text), range.contains(value) else {
            diagnostics.report("expected \(expected), found `\(scalar.text)`", at: scalar.location)
            return nil
        }
        return value
    }

    /// Reports that `node` is not what its place needs: "expected a title, found a list".
    func mismatch(_ node: YAMLNode, expected: String) {
        diagnostics.report("expected \(expected), found \(node.found)", at: node.location)
    }
}
