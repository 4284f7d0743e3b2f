import Foundation

/// A one-line progress counter on standard error, shown only when standard error is a
/// terminal, so that logs and pipes stay clean.
final class Progress {
    private let label: String
    private let unit: String
    private let enabled = isatty(STDERR_FILENO) == 1
    private var shown = false

    init(label: String, unit: String) {
        self.label = label
        self.unit = unit
    }

    /// Shows `done` of `total`, rewriting the line.
    func update(_ done: Int, _ total: Int) {
        guard enabled, total > 0 else { return }
        shown = true
        FileHandleOutput.standardError("\r\(label): \(done) of \(total) \(unit) (\(done * 100 / total) %)\u{1B}[K")
    }

    /// Clears the line.
    func finish() {
        guard shown else { return }
        FileHandleOutput.standardError("\r\u{1B}[K")
    }
}
