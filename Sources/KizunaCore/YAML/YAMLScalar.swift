import Yams

/// A scalar value from a YAML file, with where its text starts, so that a problem found
/// at an offset inside the text (a cadence, a condition, a template) gets its exact column.
struct YAMLScalar {
    /// The value, after YAML has removed quotes and escapes.
    let text: String
    /// Where the node starts: the opening quote of a quoted scalar.
    let location: SourceLocation
    /// Whether the column of each character is `location` plus its offset; false for
    /// block scalars (`|`, `>`) and multi-line values, whose offsets are not mapped.
    private let offsetsMap: Bool
    /// Columns between the node's start and the first character of the value.
    private let leadingColumns: Int

    init(text: String, location: SourceLocation, style: Node.Scalar.Style) {
        self.text = text
        self.location = location
        switch style {
        case .singleQuoted, .doubleQuoted: leadingColumns = 1
        default: leadingColumns = 0
        }
        offsetsMap = style != .literal && style != .folded && !text.contains("\n")
    }

    /// Whether the value is empty (`key:` with nothing after it, or `~`).
    var isEmpty: Bool { text.isEmpty }

    /// The place of the character `offset` Unicode scalars into the value. Escapes in a
    /// double-quoted value are not accounted for; a value that spans lines maps to its start.
    func location(atOffset offset: Int) -> SourceLocation {
        guard offsetsMap else { return location }
        return SourceLocation(file: location.file, line: location.line, column: location.column + leadingColumns + offset)
    }

    /// A problem in the value's expression, placed where it is in the file.
    func diagnostic(for error: SyntaxError) -> Diagnostic {
        Diagnostic(error.message, at: location(atOffset: error.offset), hint: error.hint)
    }

    /// The value parsed by `parse`, or `nil` after reporting the parser's error at its place.
    func parse<T>(_ diagnostics: DiagnosticCollector, _ parse: (String) throws(SyntaxError) -> T) -> T? {
        self.parse(diagnostics, scalars: 0..<text.unicodeScalars.count, parse)
    }

    /// The part of the value at `range` (in Unicode scalars) parsed by `parse`, or `nil`
    /// after reporting the parser's error where it is in the whole value.
    func parse<T>(_ diagnostics: DiagnosticCollector, scalars range: Range<Int>, _ parse: (String) throws(SyntaxError) -> T) -> T? {
        let scalars = text.unicodeScalars
        let start = scalars.index(scalars.startIndex, offsetBy: range.lowerBound)
        let end = scalars.index(start, offsetBy: range.count)
        do {
            return try parse(String(scalars[start..<end]))
        } catch {
            diagnostics.report(diagnostic(for: SyntaxError(error.message, at: error.offset + range.lowerBound, hint: error.hint)))
            return nil
        }
    }
}
