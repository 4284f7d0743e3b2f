/// Intervals and spans: "2 weeks", "every other week", "-3 business days", "2 days after".
extension CadenceReader {
    /// `[N | other] unit`: "week", "2 weeks", "other week", "business day".
    mutating func frequency() throws(SyntaxError) -> (interval: Int, frequency: Cadence.Frequency) {
        var interval = 1
        if skip("other") {
            interval = 2
        } else if case .number(let value)? = current?.kind {
            guard value >= 1 else {
                throw SyntaxError("expected an interval of at least 1, found `\(value)`", at: offset)
            }
            interval = value
            advance()
        }
        let frequency = try unit(Cadence.Frequency.self, expecting: "a period such as `week` or `2 months`")
        return (interval, frequency)
    }

    /// `[+|-] N unit`; the sign is read only when `signed`.
    mutating func span(signed: Bool) throws(SyntaxError) -> CalendarSpan {
        var sign = 1
        if signed, let kind = current?.kind, kind == .plus || kind == .minus {
            sign = kind == .minus ? -1 : 1
            advance()
        }
        let amount = try number("a number such as `2` in `2 business days`").value
        let unit = try unit(CalendarSpan.Unit.self, expecting: "a unit such as `days` or `business days`")
        return CalendarSpan(sign * amount, unit)
    }

    /// `N unit before`, `N unit after`, or `on the day`.
    mutating func relativeSpan() throws(SyntaxError) -> CalendarSpan {
        if skip("on") {
            _ = skip("the")
            try expect("day")
            return CalendarSpan(0, .day)
        }
        let span = try span(signed: false)
        if skip("before") { return span.negated }
        if skip("after") { return span }
        throw unexpected("`before` or `after`", suggesting: ["before", "after"])
    }

    /// A unit named by its raw value, singular or plural: `week`, `weeks`, `business days`.
    private mutating func unit<Unit: RawRepresentable & CaseIterable>(
        _: Unit.Type, expecting what: String
    ) throws(SyntaxError) -> Unit where Unit.RawValue == String {
        let names = Unit.allCases.map(\.rawValue).filter { !$0.contains(" ") }
        let candidates = names.map { $0 + "s" } + names + ["business"]
        guard let token = current, token.kind == .word else { throw unexpected(what, suggesting: candidates) }
        if token.text == "business" {
            advance()
            guard skip("day") || skip("days") else { throw unexpected("`days` after `business`", suggesting: ["day", "days"]) }
            // Both unit vocabularies (frequencies and spans) have business days.
            return Unit(rawValue: "business day")!
        }
        let singular = token.text.hasSuffix("s") ? String(token.text.dropLast()) : token.text
        guard let unit = Unit(rawValue: singular) else { throw unexpected(what, suggesting: candidates) }
        advance()
        return unit
    }
}
