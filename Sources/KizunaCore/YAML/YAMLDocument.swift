import Yams

/// Reads YAML text into a node tree, turning the YAML library's errors into diagnostics
/// with the line and column it reports.
enum YAMLDocument {
    /// The root node of `text`; throws the syntax problem, or that the file is empty.
    static func root(file: String, text: String) throws(DiagnosticList) -> YAMLNode {
        let node: Node?
        do {
            // Every scalar is read as text and parsed by what expects it, so no scalar needs
            // YAML's implicit types; the default resolver compiles a dozen regular
            // expressions for them, 2 ms of every command that reads a configuration.
            node = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw DiagnosticList(diagnostics(for: error, file: file, text: text))
        } catch {
            throw DiagnosticList([Diagnostic("cannot read YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1))])
        }
        guard let node else {
            throw DiagnosticList([Diagnostic("the file is empty", at: SourceLocation(file: file, line: 1, column: 1))])
        }
        return YAMLNode(node, file: file)
    }

    private static func diagnostics(for error: YamlError, file: String, text: String) -> [Diagnostic] {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        func hint(_ context: YamlError.Context?) -> String? {
            context.map { "\($0.text) at line \($0.mark.line), column \($0.mark.column)" }
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            return [Diagnostic("invalid YAML: \(problem)", at: at(mark), hint: hint(context))]
        case .reader(let problem, let offset, _, _):
            return [Diagnostic("invalid YAML: \(problem)", at: location(ofCharacter: offset ?? 0, in: text, file: file))]
        case .duplicatedKeysInMapping(let keys, let context):
            return keys.map { key in duplicateKey(key, firstAt: context.mark, file: file, text: text) }
        default:
            return [Diagnostic("cannot read YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1))]
        }
    }

    /// YAML names only where the first of two equal keys is; the second is the one to
    /// point at, so look for the same key at the same indentation further down.
    private static func duplicateKey(_ key: String, firstAt mark: Mark, file: String, text: String) -> Diagnostic {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let indent = String(repeating: " ", count: mark.column - 1)
        let repeated = lines.indices.dropFirst(mark.line).first { index in
            let line = lines[index]
            guard line.hasPrefix(indent) else { return false }
            let rest = line.dropFirst(indent.count)
            return rest.hasPrefix(key) && rest.dropFirst(key.count).trimmingPrefix(" ").hasPrefix(":")
        }
        let line = repeated.map { $0 + 1 } ?? mark.line
        return Diagnostic(
            "duplicate key `\(key)`", at: SourceLocation(file: file, line: line, column: mark.column),
            hint: repeated == nil ? "each key may appear once in a mapping" : "first given at line \(mark.line)")
    }

    private static func location(ofCharacter offset: Int, in text: String, file: String) -> SourceLocation {
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}
