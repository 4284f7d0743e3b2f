/// Reads Kizuna's friendly cadence language (see `docs/cadence.md` for the grammar).
///
/// `parse(_:)` reads the one-line form, `every 2 weeks on thursday at 15:00 from stage
/// entered`; the other entry points read one part each, for the keys of a playbook's
/// `cadence:` mapping. Every error is a `SyntaxError` at the offending word, saying what
/// was expected and what was found, with a "did you mean" hint for a misspelt word.
public enum CadenceParser {
    private static let clauses = ["on", "at", "holidays", "from", "until", "for", "after"]

    /// Reads a whole cadence:
    /// `every [N] period [on DAYS] [at TIMES] [holidays POLICY] [from ANCHOR]
    /// [until ANCHOR | for N times] [after completion]`, the clauses in any order.
    public static func parse(_ text: String) throws(SyntaxError) -> Cadence {
        var reader = CadenceReader(text)
        try reader.expect("every")
        let (interval, frequency) = try reader.frequency()
        var cadence = Cadence(interval: interval, frequency: frequency)
        var seen: Set<String> = []
        var countOffset: Int?
        while let token = reader.current {
            guard token.kind == .word, clauses.contains(token.text) else {
                throw reader.unexpected(
                    "`on`, `at`, `holidays`, `from`, `until`, `for` or `after completion`", suggesting: clauses)
            }
            let clause = token.text == "for" ? "until" : token.text
            guard seen.insert(clause).inserted else {
                throw SyntaxError(
                    clause == "until" ? "the cadence already has an end: keep one of `until` and `for`"
                        : "`\(token.text)` is given twice: keep one", at: token.offset)
            }
            reader.advance()
            switch token.text {
            case "on": cadence.days = try validated(reader.days(), for: frequency)
            case "at": cadence.times = try reader.times()
            case "holidays": cadence.holidays = try reader.holidayPolicy()
            case "from": cadence.start = try reader.anchor()
            case "until": cadence.end = .until(try reader.anchor())
            case "for":
                cadence.end = .count(try reader.occurrenceCount())
                countOffset = token.offset
            default:
                try reader.expect("completion")
                cadence.recurrence = .afterCompletion
            }
        }
        if cadence.recurrence == .afterCompletion, let countOffset {
            throw SyntaxError(
                "a cadence after completion cannot count its occurrences: end it with `until` instead", at: countOffset)
        }
        return cadence
    }

    /// Reads a period with its interval: `week`, `2 weeks`, `other week`, `business day`, `quarter`.
    public static func parseFrequency(_ text: String) throws(SyntaxError) -> (interval: Int, frequency: Cadence.Frequency) {
        try whole(text, "the period") { reader throws(SyntaxError) in try reader.frequency() }
    }

    /// Reads the days of a period: `tuesday`, `first tuesday`, `the 2nd and last friday`,
    /// `last business day`, `day 15`, `march 15`, or a list of them. Given the cadence's
    /// `frequency`, also checks that the days make sense for it (no `day 15` weekly).
    public static func parseDays(_ text: String, for frequency: Cadence.Frequency? = nil) throws(SyntaxError) -> [DaySelector] {
        try whole(text, "the days") { reader throws(SyntaxError) in try validated(reader.days(), for: frequency) }
    }

    /// Reads times of day: `10:00`, `09:00, 14:00`, `9:30 and 16:00`.
    public static func parseTimes(_ text: String) throws(SyntaxError) -> [LocalTime] {
        try whole(text, "the times") { reader throws(SyntaxError) in try reader.times() }
    }

    /// Reads an anchor: `stage entered + 2 business days`, `renewal date - 90 days`,
    /// `customer since`, `2027-01-15`.
    public static func parseAnchor(_ text: String) throws(SyntaxError) -> Anchor {
        try whole(text, "the anchor") { reader throws(SyntaxError) in try reader.anchor() }
    }

    /// Reads a span, with an optional sign: `1 business day`, `2 hours`, `-90 days`, `3 months`.
    public static func parseSpan(_ text: String) throws(SyntaxError) -> CalendarSpan {
        try whole(text, "the span") { reader throws(SyntaxError) in try reader.span(signed: true) }
    }

    /// Reads a span relative to an event: `5 business days before` (negative),
    /// `2 days after` (positive), `on the day` (zero days).
    public static func parseRelativeSpan(_ text: String) throws(SyntaxError) -> CalendarSpan {
        try whole(text, "the span") { reader throws(SyntaxError) in try reader.relativeSpan() }
    }

    /// Reads an end: `until 2027-06-30`, `until renewal date`, `for 6 times`, `6 times`,
    /// or a bare anchor, which means `until` it.
    public static func parseEnd(_ text: String) throws(SyntaxError) -> CadenceEnd {
        try whole(text, "the end") { reader throws(SyntaxError) in try reader.end() }
    }

    /// Reads a holiday policy: `next`, `previous`, `skip` or `keep`
    /// (`next business day` and `previous business day` also read).
    public static func parseHolidayPolicy(_ text: String) throws(SyntaxError) -> HolidayPolicy {
        try whole(text, "the holiday policy") { reader throws(SyntaxError) in try reader.holidayPolicy() }
    }

    /// Runs one production over the whole text; words left over are an error.
    private static func whole<T>(
        _ text: String, _ what: String, _ production: (inout CadenceReader) throws(SyntaxError) -> T
    ) throws(SyntaxError) -> T {
        var reader = CadenceReader(text)
        let value = try production(&reader)
        try reader.expectEnd(after: what)
        return value
    }

    private static func validated(
        _ days: [CadenceReader.PlacedDay], for frequency: Cadence.Frequency?
    ) throws(SyntaxError) -> [DaySelector] {
        for day in days {
            if let problem = day.selector.problem(for: frequency) { throw SyntaxError(problem, at: day.offset) }
        }
        return days.map(\.selector)
    }
}
