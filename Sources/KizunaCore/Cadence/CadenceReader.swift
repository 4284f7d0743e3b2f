/// A cursor over a cadence expression's tokens, with the error reporting every
/// production shares: "expected …, found `…`" at the offending word, and a "did you
/// mean" hint when the word is a near miss of one the grammar expects there.
struct CadenceReader {
    private let tokens: [CadenceToken]
    private let length: Int
    private(set) var position = 0

    init(_ text: String) {
        tokens = CadenceLexer.tokens(in: text)
        length = text.unicodeScalars.count
    }

    /// The token under the cursor, `nil` at the end.
    var current: CadenceToken? { position < tokens.count ? tokens[position] : nil }

    /// The token after the current one.
    var following: CadenceToken? { position + 1 < tokens.count ? tokens[position + 1] : nil }

    var isAtEnd: Bool { position >= tokens.count }

    /// Where the current token starts (the text's length at the end).
    var offset: Int { current?.offset ?? length }

    mutating func advance() { position += 1 }

    /// Consumes `word` when it is next.
    mutating func skip(_ word: String) -> Bool {
        guard current?.isWord(word) == true else { return false }
        advance()
        return true
    }

    /// Consumes `word`, or fails saying it was expected.
    mutating func expect(_ word: String) throws(SyntaxError) {
        guard skip(word) else { throw unexpected("`\(word)`", suggesting: [word]) }
    }

    /// Consumes a list separator: `,`, `and`, or `, and`.
    mutating func skipSeparator() -> Bool {
        if current?.kind == .comma {
            advance()
            _ = skip("and")
            return true
        }
        return skip("and")
    }

    /// Fails unless every token was used.
    func expectEnd(after what: String) throws(SyntaxError) {
        guard isAtEnd else { throw unexpected("the end of \(what)") }
    }

    /// "expected `what`, found `current`", with a hint from `candidates` for a misspelt word.
    func unexpected(_ what: String, suggesting candidates: [String] = []) -> SyntaxError {
        guard let token = current else {
            return SyntaxError("expected \(what), found the end of the text", at: length)
        }
        let hint = token.kind == .word ? closestMatch(to: token.text, among: candidates).map { "did you mean `\($0)`?" } : nil
        return SyntaxError("expected \(what), found `\(token.text)`", at: token.offset, hint: hint)
    }

    /// Reads a whole number, or fails saying `what` was expected.
    mutating func number(_ what: String) throws(SyntaxError) -> (value: Int, offset: Int) {
        guard let token = current, case .number(let value) = token.kind else { throw unexpected(what) }
        advance()
        return (value, token.offset)
    }
}
