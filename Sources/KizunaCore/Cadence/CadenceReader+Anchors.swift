/// Anchors, ends and holiday policies: "stage entered + 2 business days", "until
/// renewal date", "for 6 times", "next".
extension CadenceReader {
    private static let anchorWords = ["stage": "entered", "customer": "since", "renewal": "date"]

    /// `stage entered | customer since | renewal date | YYYY-MM-DD`, then `+ span` or `- span` offsets.
    mutating func anchor() throws(SyntaxError) -> Anchor {
        var anchor = Anchor(try anchorBase())
        while let kind = current?.kind, kind == .plus || kind == .minus {
            anchor.offsets.append(try span(signed: true))
        }
        return anchor
    }

    private mutating func anchorBase() throws(SyntaxError) -> Anchor.Base {
        guard let token = current else { throw unexpected("an anchor") }
        switch token.kind {
        case .date, .number:
            guard let date = CivilDate(token.text) else {
                throw SyntaxError("`\(token.text)` is not a date: write `YYYY-MM-DD`, such as `2027-01-15`", at: token.offset)
            }
            advance()
            return .date(date)
        default: break
        }
        if token.kind == .word, let second = Self.anchorWords[token.text] {
            advance()
            try expect(second)
            switch token.text {
            case "stage": return .stageEntered
            case "customer": return .customerSince
            default: return .renewalDate
            }
        }
        throw unexpected(
            "an anchor such as `stage entered`, `customer since`, `renewal date` or `2027-01-15`",
            suggesting: Array(Self.anchorWords.keys))
    }

    /// `until ANCHOR`, `for N times`, `N times`, or a bare anchor (meaning `until`).
    mutating func end() throws(SyntaxError) -> CadenceEnd {
        if skip("until") { return .until(try anchor()) }
        if skip("for") { return .count(try occurrenceCount()) }
        if case .number? = current?.kind, following?.kind == .word, following?.text.hasPrefix("time") == true {
            return .count(try occurrenceCount())
        }
        return .until(try anchor())
    }

    /// `N times`, at least 1.
    mutating func occurrenceCount() throws(SyntaxError) -> Int {
        let count = try number("a number of times such as `6`")
        guard count.value >= 1 else { throw SyntaxError("expected at least 1 time, found `\(count.value)`", at: count.offset) }
        guard skip("times") || skip("time") else { throw unexpected("`times`", suggesting: ["times"]) }
        return count.value
    }

    /// `keep`, `skip`, `next` or `previous` (the last two may add `business day`).
    mutating func holidayPolicy() throws(SyntaxError) -> HolidayPolicy {
        let names = HolidayPolicy.allCases.map(\.rawValue)
        guard let token = current, token.kind == .word, let policy = HolidayPolicy(rawValue: token.text) else {
            throw unexpected("a holiday policy: `next`, `previous`, `skip` or `keep`", suggesting: names)
        }
        advance()
        if policy == .next || policy == .previous, skip("business") {
            try expect("day")
        }
        return policy
    }
}
