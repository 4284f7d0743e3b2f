/// Readers for the values of rule parts, each failing with what was expected and where.
extension RuleFragment {
    /// A decimal integer, with a sign when `signed`; `nil` when malformed or too large.
    func integer(signed: Bool) -> Int? {
        var digits = scalars[...]
        if signed, let sign = digits.first, sign == "+" || sign == "-" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
        return Int(text)
    }

    /// INTERVAL or COUNT: a positive integer.
    func positiveInteger(for part: RulePart) throws(SyntaxError) -> Int {
        guard let value = integer(signed: false), value > 0 else {
            throw SyntaxError("expected \(part.rawValue) to be a positive integer, \(found)", at: offset)
        }
        return value
    }

    /// A comma-separated list of integers in `range` (or, when `signed`, the negated range,
    /// which counts from the end), sorted and without repeats.
    func integerList(_ range: ClosedRange<Int>, signed: Bool, for part: RulePart) throws(SyntaxError) -> [Int] {
        var values: Set<Int> = []
        for item in split(on: ",") {
            guard let value = item.integer(signed: signed), range.contains(abs(value)), signed || value >= 0 else {
                let negative = signed ? " or -\(range.upperBound) to -\(range.lowerBound)" : ""
                throw SyntaxError(
                    "expected \(part.rawValue) values from \(range.lowerBound) to \(range.upperBound)\(negative), \(item.found)",
                    at: item.offset)
            }
            values.insert(value)
        }
        return values.sorted()
    }

    /// One of a few enumerated values, with a "did you mean" hint for a misspelling.
    func choice<Value>(of choices: [(name: String, value: Value)], for part: RulePart, hint: String? = nil) throws(SyntaxError) -> Value {
        if let match = choices.first(where: { $0.name == upper }) { return match.value }
        let names = choices.map(\.name)
        let expected = names.count == 1 ? names[0] : "one of \(names.joined(separator: ", "))"
        throw SyntaxError(
            "expected \(part.rawValue) to be \(expected), \(found)", at: offset,
            hint: closestMatch(to: upper, among: names).map { "did you mean `\($0)`?" } ?? hint)
    }

    /// A weekday as RFC 5545 writes it, `MO` through `SU`.
    func weekday(for part: RulePart) throws(SyntaxError) -> Weekday {
        try choice(of: Weekday.allCases.map { ($0.icalCode, $0) }, for: part, hint: weekdayHint)
    }

    /// A BYDAY value: `MO`, `2TU`, `-1FR`.
    func weekdaySpecifier() throws(SyntaxError) -> (specifier: RecurrenceRule.WeekdaySpecifier, hasOrdinal: Bool) {
        let split = scalars.index(scalars.endIndex, offsetBy: -2, limitedBy: scalars.startIndex) ?? scalars.startIndex
        let code = RuleFragment(scalars[split...]).upper
        guard let weekday = Weekday.allCases.first(where: { $0.icalCode == code }) else {
            throw SyntaxError("expected BYDAY values such as MO, 2TU or -1FR, \(found)", at: offset, hint: weekdayHint)
        }
        let ordinalText = RuleFragment(scalars[..<split])
        guard !ordinalText.isEmpty else { return (.init(weekday), false) }
        guard let ordinal = ordinalText.integer(signed: true), (1...53).contains(abs(ordinal)) else {
            throw SyntaxError("expected BYDAY ordinals from 1 to 53 or -53 to -1, \(found)", at: offset)
        }
        return (.init(weekday, ordinal: ordinal), true)
    }

    /// "did you mean `MO`?" for a weekday written out (`monday`, `Mon`).
    private var weekdayHint: String? {
        Weekday(name: text).map { "did you mean `\($0.icalCode)`?" }
    }

    /// UNTIL: `YYYYMMDD`, `YYYYMMDDTHHMMSS` or `YYYYMMDDTHHMMSSZ`.
    func until() throws(SyntaxError) -> RecurrenceRule.Until {
        let value = Array(upper.unicodeScalars)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= value.count else { return nil }
            return RuleFragment(value[range]).integer(signed: false)
        }
        let isDateTime = value.count >= 15 && value[8] == "T"
        let isUTC = isDateTime && value.count == 16 && value[15] == "Z"
        if value.count == 8 || (isDateTime && (value.count == 15 || isUTC)),
            let year = number(0..<4), let month = number(4..<6), let day = number(6..<8),
            let date = CivilDate(year: year, month: month, day: day)
        {
            guard isDateTime else { return .date(date) }
            if let hour = number(9..<11), let minute = number(11..<13), let second = number(13..<15),
                let time = LocalTime(hour: hour, minute: minute, second: second)
            {
                let local = LocalDateTime(date: date, time: time)
                return isUTC ? .utc(Instant(secondsSinceEpoch: local.secondsSinceEpoch)) : .floating(local)
            }
        }
        throw SyntaxError(
            "expected UNTIL to be a date (YYYYMMDD) or a date-time (YYYYMMDDTHHMMSS, with Z for UTC), \(found)",
            at: offset)
    }
}
