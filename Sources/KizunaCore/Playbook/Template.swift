/// A text with `{{ customer.name }}` placeholders, checked when the playbook loads.
public struct Template: Hashable, Sendable, CustomStringConvertible {
    public enum Part: Hashable, Sendable {
        case text(String)
        /// A dotted variable path, `customer.name`.
        case variable(String)
    }

    /// The template as written.
    public var source: String
    public var parts: [Part]

    public init(source: String, parts: [Part]) {
        self.source = source
        self.parts = parts
    }

    /// A template without placeholders.
    public init(literal: String) {
        self.init(source: literal, parts: [.text(literal)])
    }

    /// The text with each variable replaced by `value(path)`; an unset variable renders empty.
    public func render(_ value: (String) -> String?) -> String {
        // Every planned task renders its title and owner: a lone part is returned as it is
        // (sharing its storage), and parts are appended to one string, not joined from an array.
        if parts.count == 1, case .text(let text) = parts[0] { return text }
        var text = ""
        for part in parts {
            switch part {
            case .text(let literal): text += literal
            case .variable(let path): text += value(path) ?? ""
            }
        }
        return text
    }

    public var description: String { source }
}
