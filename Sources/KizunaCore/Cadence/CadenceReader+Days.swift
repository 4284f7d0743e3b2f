/// Days and times: "monday, wednesday and friday", "the 2nd and last friday",
/// "last business day", "day 15", "march 15", "09:00 and 14:00".
extension CadenceReader {
    /// A day selector with the offset of the words that chose it, for validation messages.
    struct PlacedDay {
        var selector: DaySelector
        var offset: Int
    }

    private struct Ordinal {
        var value: Int
        var offset: Int
        /// `1st`, `15th` (which alone mean a day of the month) rather than `first`.
        var isNumeric: Bool
        var text: String
    }

    static let ordinalWords = ["first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5]
    static let monthNames = [
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ]

    /// A list of days separated by `,`, `and` or `, and`. Ordinals written before a
    /// shared noun all apply to it ("the 2nd and last friday"); a numeric ordinal on its
    /// own is a day of the period ("the 1st and 15th").
    mutating func days() throws(SyntaxError) -> [PlacedDay] {
        var days: [PlacedDay] = []
        var pending: [Ordinal] = []
        repeat {
            _ = skip("the")
            if let ordinal = try ordinal() {
                pending.append(ordinal)
                guard let noun = try ordinalNoun() else { continue }
                days += pending.map { PlacedDay(selector: noun($0.value), offset: $0.offset) }
                pending = []
            } else {
                days += try flush(pending)
                pending = []
                days.append(try plainDay())
            }
        } while skipSeparator()
        return days + (try flush(pending))
    }

    /// Times of day separated by `,`, `and` or `, and`.
    mutating func times() throws(SyntaxError) -> [LocalTime] {
        var times: [LocalTime] = []
        repeat { times.append(try time()) } while skipSeparator()
        return times
    }

    /// A 24-hour time: `9:30`, `10:00`, `23:59:30`.
    private mutating func time() throws(SyntaxError) -> LocalTime {
        guard let token = current else { throw unexpected("a time of day such as `10:00`") }
        switch token.kind {
        case .clock:
            guard let time = LocalTime(token.text) else {
                throw SyntaxError(
                    "`\(token.text)` is not a time of day: write 24-hour `HH:MM` or `HH:MM:SS`, from 00:00 to 23:59:59",
                    at: token.offset)
            }
            advance()
            return time
        case .number(let hour) where (0...23).contains(hour):
            throw SyntaxError(
                "expected a time of day such as `10:00`, found `\(token.text)`", at: token.offset,
                hint: "did you mean `\(LocalTime(hour: hour, minute: 0)!)`?")
        default:
            throw unexpected("a time of day such as `10:00`")
        }
    }

    /// `first`, `2nd`, `last`, `second last`, `2nd last`; `nil` when no ordinal is next.
    private mutating func ordinal() throws(SyntaxError) -> Ordinal? {
        guard let token = current else { return nil }
        if token.isWord("last") {
            advance()
            return Ordinal(value: -1, offset: token.offset, isNumeric: false, text: "last")
        }
        var ordinal: Ordinal
        switch token.kind {
        case .ordinal(let value): ordinal = Ordinal(value: value, offset: token.offset, isNumeric: true, text: token.text)
        case .word:
            guard let value = Self.ordinalWords[token.text] else { return nil }
            ordinal = Ordinal(value: value, offset: token.offset, isNumeric: false, text: token.text)
        default: return nil
        }
        advance()
        if skip("last") { ordinal.value.negate() }
        guard ordinal.value != 0 else { throw SyntaxError("days are counted from 1, found `\(token.text)`", at: token.offset) }
        return ordinal
    }

    /// The noun an ordinal counts: a weekday, `business day` or `day`; `nil` when none follows.
    private mutating func ordinalNoun() throws(SyntaxError) -> ((Int) -> DaySelector)? {
        if let weekday = weekday() { return { .nthWeekday($0, weekday) } }
        if skip("day") || skip("days") { return { .day($0) } }
        if skip("business") {
            guard skip("day") || skip("days") else { throw unexpected("`day` after `business`", suggesting: ["day"]) }
            return { .businessDay($0) }
        }
        return nil
    }

    /// Ordinals that no noun claimed: numeric ones are days of the period, others an error.
    private func flush(_ pending: [Ordinal]) throws(SyntaxError) -> [PlacedDay] {
        try pending.map { ordinal throws(SyntaxError) in
            guard ordinal.isNumeric else {
                throw SyntaxError(
                    "expected a weekday, `day` or `business day` after `\(ordinal.text)`", at: ordinal.offset)
            }
            return PlacedDay(selector: .day(ordinal.value), offset: ordinal.offset)
        }
    }

    /// A day with no ordinal: `tuesday`, `day 15`, `march 15`.
    private mutating func plainDay() throws(SyntaxError) -> PlacedDay {
        let start = offset
        if let weekday = weekday() { return PlacedDay(selector: .weekday(weekday), offset: start) }
        if skip("day") {
            let day = try number("a day number such as `15` after `day`")
            guard day.value >= 1 else { throw SyntaxError("days are counted from 1, found `\(day.value)`", at: day.offset) }
            return PlacedDay(selector: .day(day.value), offset: start)
        }
        if let token = current, token.kind == .word, let index = Self.monthNames.firstIndex(where: { Self.names(token.text, $0) }) {
            advance()
            return PlacedDay(selector: try monthDay(month: index + 1, name: Self.monthNames[index], at: start), offset: start)
        }
        let candidates = Weekday.allCases.map(\.name) + Self.monthNames + Self.ordinalWords.keys + ["day", "last", "business"]
        throw unexpected("a day such as `tuesday`, `first monday`, `day 15` or `march 15`", suggesting: candidates)
    }

    /// The day after a month's name: `15` or `15th`; it must exist in a leap year.
    private mutating func monthDay(month: Int, name: String, at start: Int) throws(SyntaxError) -> DaySelector {
        guard let token = current else { throw unexpected("a day of \(name) such as `15`") }
        let day: Int
        switch token.kind {
        case .number(let value), .ordinal(let value): day = value
        default: throw unexpected("a day of \(name) such as `15`")
        }
        let longest = CivilDate.daysIn(month: month, year: 2000)
        guard (1...longest).contains(day) else {
            throw SyntaxError("`\(name) \(day)` does not exist: \(name) has \(longest) days at most", at: start)
        }
        advance()
        return .monthDay(month: month, day: day)
    }

    /// A weekday's name, full, abbreviated to three letters, or plural ("tuesdays").
    private mutating func weekday() -> Weekday? {
        guard let token = current, token.kind == .word else { return nil }
        let match = Weekday.allCases.first { Self.names(token.text, $0.name) || token.text == $0.name + "s" }
        if match != nil { advance() }
        return match
    }

    /// Whether `word` is `name` or its three-letter abbreviation.
    private static func names(_ word: String, _ name: String) -> Bool {
        word == name || (word.count == 3 && name.hasPrefix(word))
    }
}
