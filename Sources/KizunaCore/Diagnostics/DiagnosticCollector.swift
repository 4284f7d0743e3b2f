/// Gathers the problems found while reading one input, so that they are all reported
/// together rather than one per attempt.
final class DiagnosticCollector {
    private(set) var diagnostics: [Diagnostic] = []

    var isEmpty: Bool { diagnostics.isEmpty }

    /// How many problems were reported so far; a reader compares it before and after a part.
    var count: Int { diagnostics.count }

    func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    func report(_ message: String, at location: SourceLocation?, hint: String? = nil) {
        diagnostics.append(Diagnostic(message, at: location, hint: hint))
    }

    func report(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }

    /// The diagnostics in file order (a stable sort keeps the order of those at one place).
    var sorted: [Diagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            let (left, right) = (lhs.element.location, rhs.element.location)
            if left == right { return lhs.offset < rhs.offset }
            guard let left else { return true }
            guard let right else { return false }
            return left < right
        }.map(\.element)
    }
}

/// "did you mean `x`?" for the candidate closest to `word`, if any is close enough.
func didYouMean<S: Sequence<String>>(_ word: String, among candidates: S) -> String? {
    closestMatch(to: word, among: candidates).map { "did you mean `\($0)`?" }
}
