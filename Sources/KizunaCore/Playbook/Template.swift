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
        parts.map { part in
            switch part {
            case .text(let text): text
            case .variable(let path): value(path) ?? ""
            }
        }.joined()
    }

    public var description: String { source }
}
