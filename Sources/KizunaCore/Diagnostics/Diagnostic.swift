/// A place in a text file, 1-based, as editors count (columns in Unicode scalars).
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `playbooks/onboarding.yaml:12:5`
    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// One problem found in a user's input: where, what was expected, and how to fix it.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public var location: SourceLocation?
    /// What is wrong, including what was expected ("expected a weekday, found `tusday`").
    public var message: String
    /// How to fix it, when there is a likely fix ("did you mean `tuesday`?").
    public var hint: String?

    public init(_ message: String, at location: SourceLocation? = nil, hint: String? = nil) {
        self.location = location
        self.message = message
        self.hint = hint
    }

    /// `file:line:column: error: message (hint)`, the form compilers and editors understand.
    public var description: String {
        var text = location.map { "\($0): error: " } ?? "error: "
        text += message
        if let hint { text += " (\(hint))" }
        return text
    }
}

/// Every problem found in one input, reported together so a user fixes them in one pass.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// A problem inside a one-line expression (a cadence, an RRULE, a condition, a date):
/// `offset` counts Unicode scalars from the start of the text, so a caller that knows
/// where the text sits in a file can turn it into a `SourceLocation`.
public struct SyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    public var offset: Int
    public var message: String
    public var hint: String?

    public init(_ message: String, at offset: Int = 0, hint: String? = nil) {
        self.offset = offset
        self.message = message
        self.hint = hint
    }

    /// The same problem, located in a file at the place where the expression starts.
    public func located(in file: String, line: Int, column: Int) -> Diagnostic {
        Diagnostic(message, at: SourceLocation(file: file, line: line, column: column + offset), hint: hint)
    }

    /// `column N: message (hint)`, for an expression given on a command line.
    public var description: String {
        var text = "column \(offset + 1): \(message)"
        if let hint { text += " (\(hint))" }
        return text
    }
}

/// The closest candidate to a misspelt word, for "did you mean …?" hints; `nil` when
/// nothing is close enough (Levenshtein distance at most a third of the word, at least 1, at most 3).
public func closestMatch<S: Sequence<String>>(to word: String, among candidates: S) -> String? {
    let target = Array(word.lowercased().unicodeScalars)
    let limit = min(3, max(1, target.count / 3))
    var best: (String, Int)?
    for candidate in candidates {
        let distance = editDistance(target, Array(candidate.lowercased().unicodeScalars))
        if distance <= limit, distance < (best?.1 ?? .max) { best = (candidate, distance) }
    }
    return best?.0
}

private func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
