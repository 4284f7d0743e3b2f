/// One word of a cadence expression, with where it starts.
struct CadenceToken: Sendable {
    enum Kind: Sendable, Equatable {
        /// Letters, lower-cased: `every`, `tuesday`.
        case word
        /// A whole number: `2`, `15`.
        case number(Int)
        /// A number with an English ordinal suffix: `1st`, `15th`.
        case ordinal(Int)
        /// Digits with colons, meant as a time of day: `10:00`, `25:00`.
        case clock
        /// Digits with dashes, meant as a date: `2027-01-15`.
        case date
        case comma, plus, minus
        /// Anything else, kept so that the parser can say what it found.
        case other
    }

    let kind: Kind
    /// The text as written (lower-cased for words).
    let text: String
    /// Unicode scalars from the start of the expression.
    let offset: Int

    func isWord(_ word: String) -> Bool { kind == .word && text == word }
}

/// Splits a cadence expression into tokens. Lexing never fails: text the grammar cannot
/// use becomes an `.other` token, so that the parser reports it where it is expected.
enum CadenceLexer {
    static func tokens(in text: String) -> [CadenceToken] {
        let scalars = Array(text.unicodeScalars)
        var tokens: [CadenceToken] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar.properties.isWhitespace {
                index += 1
                continue
            }
            let start = index
            let kind: CadenceToken.Kind
            switch scalar {
            case ",": kind = .comma
            case "+": kind = .plus
            case "-": kind = .minus
            default: kind = .other
            }
            if kind != .other {
                index += 1
                tokens.append(CadenceToken(kind: kind, text: String(scalar), offset: start))
                continue
            }
            if scalar.properties.isAlphabetic {
                while index < scalars.count, scalars[index].properties.isAlphabetic { index += 1 }
                let word = String(String.UnicodeScalarView(scalars[start..<index])).lowercased()
                tokens.append(CadenceToken(kind: .word, text: word, offset: start))
                continue
            }
            while index < scalars.count, !scalars[index].properties.isWhitespace, scalars[index] != "," {
                index += 1
            }
            let raw = String(String.UnicodeScalarView(scalars[start..<index]))
            tokens.append(CadenceToken(kind: classify(raw), text: raw.lowercased(), offset: start))
        }
        return tokens
    }

    /// Tells numbers, ordinals, clock times and dates apart by their shape alone.
    private static func classify(_ raw: String) -> CadenceToken.Kind {
        let isDigit: (Character) -> Bool = { $0.isASCII && $0.isNumber }
        if raw.allSatisfy(isDigit) {
            return Int(raw).map { .number($0) } ?? .other
        }
        let digits = raw.prefix(while: isDigit)
        let suffix = raw.dropFirst(digits.count).lowercased()
        if !digits.isEmpty, ["st", "nd", "rd", "th"].contains(suffix), let value = Int(digits) {
            return .ordinal(value)
        }
        if !digits.isEmpty, raw.allSatisfy({ isDigit($0) || $0 == ":" }) { return .clock }
        if !digits.isEmpty, raw.allSatisfy({ isDigit($0) || $0 == "-" }) { return .date }
        return .other
    }
}
