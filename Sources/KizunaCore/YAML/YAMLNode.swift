import Yams

/// A node of a YAML document and where it is in its file.
struct YAMLNode {
    let node: Node
    let location: SourceLocation

    init(_ node: Node, file: String) {
        self.node = node
        let mark = node.mark
        location = SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    var file: String { location.file }

    /// The node as a scalar; a null (`~`, `null` or nothing) reads as an empty text.
    var scalar: YAMLScalar? {
        guard case .scalar(let scalar) = node else { return nil }
        let isNull = scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
        return YAMLScalar(text: isNull ? "" : scalar.string, location: location, style: scalar.style)
    }

    /// The entries of a mapping, in file order.
    var pairs: [(key: YAMLNode, value: YAMLNode)]? {
        guard case .mapping(let mapping) = node else { return nil }
        return mapping.map { (YAMLNode($0.key, file: file), YAMLNode($0.value, file: file)) }
    }

    /// The items of a sequence.
    var items: [YAMLNode]? {
        guard case .sequence(let sequence) = node else { return nil }
        return sequence.map { YAMLNode($0, file: file) }
    }

    /// What the node is, for "found …" in messages: "a mapping", "a list", "`text`", "nothing".
    var found: String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar:
            let text = scalar?.text ?? ""
            return text.isEmpty ? "nothing" : "`\(text)`"
        }
    }
}
