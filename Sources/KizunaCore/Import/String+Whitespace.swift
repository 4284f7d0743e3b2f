import Foundation

extension String {
    /// The text without leading and trailing whitespace (`CharacterSet.whitespaces`), as
    /// `trimmingCharacters(in: .whitespaces)` gives it, but without Foundation's copy when
    /// neither end is whitespace, as in nearly every field of an import file.
    func trimmingWhitespace() -> String {
        // Printable ASCII at both ends, as nearly always: nothing to ask `CharacterSet`.
        guard let firstByte = utf8.first, let lastByte = utf8.last else { return self }
        if (0x21...0x7E).contains(firstByte), (0x21...0x7E).contains(lastByte) { return self }
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        let whitespace = CharacterSet.whitespaces
        guard whitespace.contains(first) || whitespace.contains(last) else { return self }
        return trimmingCharacters(in: whitespace)
    }
}
