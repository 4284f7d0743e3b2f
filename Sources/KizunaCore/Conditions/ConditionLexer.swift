/// Splits a condition into tokens.
struct ConditionLexer {
    private let scalars: [Unicode.Scalar]
    private var index = 0

    init(_ source: String) {
        scalars = Array(source.unicodeScalars)
    }

    /// Every token, ending with `.end`.
    static func tokens(_ source: String) throws(SyntaxError) -> [ConditionToken] {
        var lexer = ConditionLexer(source)
        var tokens: [ConditionToken] = []
        repeat {
            tokens.append(try lexer.next())
        } while tokens.last?.kind != .end
        return tokens
    }

    private mutating func next() throws(SyntaxError) -> ConditionToken {
        while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
        let start = index
        guard index < scalars.count else { return ConditionToken(kind: .end, offset: start, length: 0) }
        let scalar = scalars[index]
        let kind: ConditionToken.Kind
        switch scalar {
        case "(": index += 1; kind = .openParenthesis
        case ")": index += 1; kind = .closeParenthesis
        case ",": index += 1; kind = .comma
        case "-": index += 1; kind = .minus
        case "<", ">", "=", "!": kind = .comparison(try comparison())
        case "\"", "'": kind = .text(try text(closedBy: scalar))
        case "0"..."9": kind = try numberOrDate()
        default:
            guard Self.isNameStart(scalar) else {
                throw SyntaxError("unexpected character `\(scalar)`", at: start)
            }
            kind = .name(name())
        }
        return ConditionToken(kind: kind, offset: start, length: index - start)
    }

    private mutating func comparison() throws(SyntaxError) -> ComparisonOperator {
        let start = index
        let first = scalars[index]
        index += 1
        let followedByEquals = index < scalars.count && scalars[index] == "="
        if followedByEquals { index += 1 }
        switch (first, followedByEquals) {
        case ("<", false): return .less
        case ("<", true): return .lessOrEqual
        case (">", false): return .greater
        case (">", true): return .greaterOrEqual
        case ("=", true): return .equal
        case ("!", true): return .notEqual
        case ("=", false): throw SyntaxError("unexpected `=`", at: start, hint: "compare with `==`")
        default: throw SyntaxError("unexpected `!`", at: start, hint: "write `!=`, or `not` before a condition")
        }
    }

    private mutating func text(closedBy quote: Unicode.Scalar) throws(SyntaxError) -> String {
        let start = index
        index += 1
        var text = String.UnicodeScalarView()
        while index < scalars.count, scalars[index] != quote {
            text.append(scalars[index])
            index += 1
        }
        guard index < scalars.count else {
            throw SyntaxError("unterminated text", at: start, hint: "close it with \(quote)")
        }
        index += 1
        return String(text)
    }

    /// `40`, `2.5`, or an ISO date `2026-12-25`.
    private mutating func numberOrDate() throws(SyntaxError) -> ConditionToken.Kind {
        let start = index
        while index < scalars.count, Self.isDigit(scalars[index]) || scalars[index] == "." { index += 1 }
        if index - start == 4, index < scalars.count, scalars[index] == "-" {
            while index < scalars.count, Self.isDigit(scalars[index]) || scalars[index] == "-" { index += 1 }
            let word = spelling(from: start)
            guard let date = CivilDate(word) else {
                throw SyntaxError("expected a date such as `2026-12-25`, found `\(word)`", at: start)
            }
            return .date(date)
        }
        let word = spelling(from: start)
        guard let value = Double(word) else { throw SyntaxError("expected a number, found `\(word)`", at: start) }
        return .number(value)
    }

    private mutating func name() -> String {
        let start = index
        while index < scalars.count, Self.isNameStart(scalars[index]) || Self.isDigit(scalars[index]) || scalars[index] == "." {
            index += 1
        }
        return spelling(from: start)
    }

    private func spelling(from start: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<index])
        return String(view)
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    private static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
    }
}
