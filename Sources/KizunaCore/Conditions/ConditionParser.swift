/// Reads a condition's tokens into a syntax tree (the grammar is in docs/conditions.md):
///
///     condition  := conjunction ("or" conjunction)*
///     conjunction:= negation ("and" negation)*
///     negation   := "not" negation | comparison
///     comparison := operand (("<" | "<=" | ">" | ">=" | "==" | "!=") operand)?
///     operand    := number [unit] | "-" number [unit] | text | date | name
///                 | name "(" condition ("," condition)* ")" | "(" condition ")"
struct ConditionParser {
    private let tokens: [ConditionToken]
    private var position = 0

    /// Day-counting units a duration may use, with their length in days.
    static let units: [String: Int] = ["day": 1, "days": 1, "week": 7, "weeks": 7]
    private static let otherUnits: Set<String> = [
        "minute", "minutes", "hour", "hours", "month", "months", "quarter", "quarters", "year", "years", "business",
    ]
    private static let keywords: Set<String> = ["and", "or", "not"]

    static func parse(_ source: String) throws(SyntaxError) -> ConditionSyntax {
        var parser = ConditionParser(tokens: try ConditionLexer.tokens(source))
        let syntax = try parser.disjunction()
        guard parser.current.kind == .end else {
            throw SyntaxError("unexpected \(parser.current.found)", at: parser.current.offset,
                              hint: "join conditions with `and` or `or`")
        }
        return syntax
    }

    private init(tokens: [ConditionToken]) {
        self.tokens = tokens
    }

    private var current: ConditionToken { tokens[position] }

    private mutating func advance() -> ConditionToken {
        defer { position = min(position + 1, tokens.count - 1) }
        return current
    }

    private func isKeyword(_ word: String) -> Bool { current.kind == .name(word) }

    private mutating func disjunction() throws(SyntaxError) -> ConditionSyntax {
        var result = try conjunction()
        while isKeyword("or") {
            _ = advance()
            result = .or(result, try conjunction())
        }
        return result
    }

    private mutating func conjunction() throws(SyntaxError) -> ConditionSyntax {
        var result = try negation()
        while isKeyword("and") {
            _ = advance()
            result = .and(result, try negation())
        }
        return result
    }

    private mutating func negation() throws(SyntaxError) -> ConditionSyntax {
        guard isKeyword("not") else { return try comparison() }
        let offset = advance().offset
        return .not(try negation(), offset: offset)
    }

    private mutating func comparison() throws(SyntaxError) -> ConditionSyntax {
        let lhs = try operand()
        guard case .comparison(let op) = current.kind else { return lhs }
        let operatorOffset = advance().offset
        let rhs = try operand()
        if case .comparison = current.kind {
            throw SyntaxError("comparisons cannot be chained", at: current.offset, hint: "join two comparisons with `and`")
        }
        return .compare(lhs, op, rhs, operatorOffset: operatorOffset)
    }

    private mutating func operand() throws(SyntaxError) -> ConditionSyntax {
        let token = advance()
        switch token.kind {
        case .number(let value): return try quantity(value, at: token.offset)
        case .minus:
            guard case .number(let value) = current.kind else {
                throw SyntaxError("expected a number after `-`, found \(current.found)", at: current.offset)
            }
            _ = advance()
            return try quantity(-value, at: token.offset)
        case .text(let text): return .literal(.text(text), offset: token.offset)
        case .date(let date): return .literal(.date(date), offset: token.offset)
        case .openParenthesis:
            let inner = try disjunction()
            try expect(.closeParenthesis, "`)`")
            return inner
        case .name(let name) where !Self.keywords.contains(name):
            guard current.kind == .openParenthesis else { return .name(name, offset: token.offset) }
            return .call(name, try arguments(), offset: token.offset)
        default:
            throw SyntaxError("expected a value such as `health` or `40`, found \(token.found)", at: token.offset)
        }
    }

    /// A number, or a duration when a unit follows (`14 days`).
    private mutating func quantity(_ value: Double, at offset: Int) throws(SyntaxError) -> ConditionSyntax {
        guard case .name(let unit) = current.kind, !Self.keywords.contains(unit) else {
            return .literal(.number(value), offset: offset)
        }
        if let days = Self.units[unit] {
            guard value.rounded() == value else {
                throw SyntaxError("a duration is a whole number of days or weeks", at: offset)
            }
            _ = advance()
            return .literal(.days(Int(value) * days), offset: offset)
        }
        if Self.otherUnits.contains(unit) {
            throw SyntaxError("durations in conditions count days or weeks, not \(unit)", at: current.offset,
                              hint: "write e.g. `28 days`")
        }
        return .literal(.number(value), offset: offset)
    }

    private mutating func arguments() throws(SyntaxError) -> [ConditionSyntax] {
        _ = advance()
        var arguments: [ConditionSyntax] = []
        if current.kind != .closeParenthesis {
            arguments.append(try disjunction())
            while current.kind == .comma {
                _ = advance()
                arguments.append(try disjunction())
            }
        }
        try expect(.closeParenthesis, "`)` or `,`")
        return arguments
    }

    private mutating func expect(_ kind: ConditionToken.Kind, _ what: String) throws(SyntaxError) {
        guard current.kind == kind else {
            throw SyntaxError("expected \(what), found \(current.found)", at: current.offset,
                              hint: "every `(` needs its `)`")
        }
        _ = advance()
    }
}
