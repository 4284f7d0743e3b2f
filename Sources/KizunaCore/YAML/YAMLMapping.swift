/// A YAML mapping whose keys were checked against the keys its place allows.
struct YAMLMapping {
    let node: YAMLNode
    private var entries: [String: (key: YAMLNode, value: YAMLNode)] = [:]
    /// The keys present, in file order.
    private(set) var keys: [String] = []
    /// Allowed keys offered as the fix of a misspelt one, so their absence is not reported again.
    private var suggested: Set<String> = []

    /// Reads `node` as a mapping with the `allowed` keys; reports (and skips) any other key
    /// with the closest allowed one as a hint, and keys that are not plain names.
    init(_ node: YAMLNode, pairs: [(key: YAMLNode, value: YAMLNode)], allowed: [String], context: String,
         diagnostics: DiagnosticCollector) {
        self.node = node
        for (key, value) in pairs {
            guard let name = key.scalar?.text, !name.isEmpty else {
                diagnostics.report("expected a key name in \(context), found \(key.found)", at: key.location)
                continue
            }
            guard allowed.contains(name) else {
                let allowedList = allowed.map { "`\($0)`" }.joined(separator: ", ")
                let match = closestMatch(to: name, among: allowed)
                if let match { suggested.insert(match) }
                diagnostics.report(
                    "unknown key `\(name)` in \(context)", at: key.location,
                    hint: match.map { "did you mean `\($0)`?" } ?? "expected one of \(allowedList)")
                continue
            }
            entries[name] = (key, value)
            keys.append(name)
        }
    }

    subscript(key: String) -> YAMLNode? { entries[key]?.value }

    /// Where the key itself is written.
    func keyLocation(_ key: String) -> SourceLocation? { entries[key]?.key.location }

    /// The value of a key that must be present; reports its absence at the mapping.
    func required(_ key: String, _ what: String, diagnostics: DiagnosticCollector) -> YAMLNode? {
        if let value = self[key] { return value }
        guard !suggested.contains(key) else { return nil }
        diagnostics.report("missing required key `\(key)`", at: node.location, hint: "add `\(key):` with \(what)")
        return nil
    }
}
