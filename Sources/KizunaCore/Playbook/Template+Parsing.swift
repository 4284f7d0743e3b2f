extension Template {
    /// Reads a text with `{{ variable }}` placeholders, checking each variable against
    /// `TemplateVariables`.
    ///
    /// - Throws: the first problem, at its offset: an unclosed `{{`, an empty placeholder,
    ///   an unknown variable (with the closest known one as a hint).
    public init(parsing source: String) throws(SyntaxError) {
        let scalars = Array(source.unicodeScalars)
        var parts: [Part] = []
        var text = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            guard Self.isOpening(scalars, at: index) else {
                text.append(scalars[index])
                index += 1
                continue
            }
            guard let close = Self.closing(scalars, after: index + 2) else {
                throw SyntaxError("unclosed `{{`", at: index, hint: "end the placeholder with `}}`")
            }
            if !text.isEmpty { parts.append(.text(String(text))) }
            text = String.UnicodeScalarView()
            parts.append(.variable(try Self.variable(scalars, from: index + 2, to: close)))
            index = close + 2
        }
        if !text.isEmpty { parts.append(.text(String(text))) }
        self.init(source: source, parts: parts)
    }

    private static func isOpening(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        index + 1 < scalars.count && scalars[index] == "{" && scalars[index + 1] == "{"
    }

    private static func closing(_ scalars: [Unicode.Scalar], after start: Int) -> Int? {
        var index = start
        while index + 1 < scalars.count {
            if scalars[index] == "}" && scalars[index + 1] == "}" { return index }
            if isOpening(scalars, at: index) { return nil }
            index += 1
        }
        return nil
    }

    /// The trimmed variable path between `start` and `end`, checked.
    private static func variable(_ scalars: [Unicode.Scalar], from start: Int, to end: Int) throws(SyntaxError) -> String {
        var first = start
        var last = end
        while first < last, scalars[first].properties.isWhitespace { first += 1 }
        while last > first, scalars[last - 1].properties.isWhitespace { last -= 1 }
        var path = String.UnicodeScalarView()
        path.append(contentsOf: scalars[first..<last])
        let name = String(path)
        guard !name.isEmpty else {
            throw SyntaxError("empty placeholder", at: start - 2, hint: "write a variable such as `{{ customer.name }}`")
        }
        guard TemplateVariables.isKnown(name) else {
            throw SyntaxError(
                "unknown template variable `\(name)`", at: first,
                hint: didYouMean(name, among: TemplateVariables.known)
                    ?? "known variables: customer.<field>, customer.fields.<name>, playbook.id, playbook.title, occurrence.date, task.due")
        }
        return name
    }
}
