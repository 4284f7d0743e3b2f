import Foundation

extension String {
    /// The text without leading and trailing whitespace (`CharacterSet.whitespaces`), as
    /// `trimmingCharacters(in: .whitespaces)` gives it, but without Foundation's copy when
    /// neither end is whitespace, as in nearly every field of an import file.
    func trimmingWhitespace() -> String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        let whitespace = CharacterSet.whitespaces
        guard whitespace.contains(first) || whitespace.contains(last) else { return self }
        return trimmingCharacters(in: whitespace)
    }
}
