// TEMPORARY PLACEHOLDER: stands in for the real cadence parser (being written on the
// `cadence` branch) so that the playbook language builds and its tests run.
// It accepts only the forms the playbook tests use. Drop this file when the real
// `CadenceParser` and `ICalendarHolidays` land.

/// Placeholder for the cadence language's parsers (see the note at the top of the file).
public enum CadenceParser {
    public static func parse(_ text: String) throws(SyntaxError) -> Cadence {
        let words = text.split(separator: " ").map(String.init)
        guard words.first == "every", words.count >= 2 else { throw SyntaxError("expected `every`", at: 0) }
        var rest = Array(words.dropFirst())
        var cadence: Cadence
        if let interval = Int(rest[0]) {
            guard rest.count >= 2 else { throw SyntaxError("expected a period", at: text.unicodeScalars.count) }
            cadence = Cadence(interval: interval, frequency: try frequency(rest[1], at: 0))
            rest.removeFirst(2)
        } else {
            cadence = Cadence(frequency: try frequency(rest[0], at: 6))
            rest.removeFirst()
        }
        while rest.count >= 2 {
            switch rest[0] {
            case "on": cadence.days = try parseDays(rest[1])
            case "at": cadence.times = try parseTimes(rest[1])
            default: throw SyntaxError("unexpected `\(rest[0])`", at: 0)
            }
            rest.removeFirst(2)
        }
        return cadence
    }

    public static func parseFrequency(_ text: String) throws(SyntaxError) -> (interval: Int, frequency: Cadence.Frequency) {
        let words = text.split(separator: " ").map(String.init)
        if words.count == 2, let interval = Int(words[0]) {
            return (interval, try frequency(words[1], at: words[0].count + 1))
        }
        return (1, try frequency(text, at: 0))
    }

    public static func parseDays(_ text: String) throws(SyntaxError) -> [DaySelector] {
        if text.hasPrefix("day "), let day = Int(text.dropFirst(4)) { return [.day(day)] }
        guard let weekday = Weekday(name: text) else {
            throw SyntaxError("expected a day, found `\(text)`", at: 0, hint: closestMatch(to: text, among: Weekday.allCases.map(\.name)).map { "did you mean `\($0)`?" })
        }
        return [.weekday(weekday)]
    }

    public static func parseTimes(_ text: String) throws(SyntaxError) -> [LocalTime] {
        guard let time = LocalTime(text) else { throw SyntaxError("expected a time of day such as `10:00`, found `\(text)`") }
        return [time]
    }

    public static func parseAnchor(_ text: String) throws(SyntaxError) -> Anchor {
        let bases: [(String, Anchor.Base)] = [("stage entered", .stageEntered), ("customer since", .customerSince), ("renewal date", .renewalDate)]
        for (name, base) in bases where text.hasPrefix(name) {
            let rest = text.dropFirst(name.count).trimmingPrefix(" ")
            if rest.isEmpty { return Anchor(base) }
            let sign = rest.first == "-" ? -1 : 1
            let span = try parseSpan(String(rest.dropFirst(2)))
            return Anchor(base, offsets: [CalendarSpan(sign * span.amount, span.unit)])
        }
        if let date = CivilDate(text) { return Anchor(.date(date)) }
        throw SyntaxError("expected an anchor such as `stage entered`, found `\(text)`")
    }

    public static func parseSpan(_ text: String) throws(SyntaxError) -> CalendarSpan {
        let words = text.split(separator: " ", maxSplits: 1).map(String.init)
        guard words.count == 2, let amount = Int(words[0]) else {
            throw SyntaxError("expected a span such as `2 business days`, found `\(text)`")
        }
        let name = words[1].hasSuffix("s") ? String(words[1].dropLast()) : words[1]
        guard let unit = CalendarSpan.Unit(rawValue: name) else {
            throw SyntaxError("unknown unit `\(words[1])`", at: words[0].count + 1)
        }
        return CalendarSpan(amount, unit)
    }

    public static func parseRelativeSpan(_ text: String) throws(SyntaxError) -> CalendarSpan {
        if text == "on the day" { return CalendarSpan(0, .day) }
        if text.hasSuffix(" before") { return try parseSpan(String(text.dropLast(7))).negated }
        if text.hasSuffix(" after") { return try parseSpan(String(text.dropLast(6))) }
        throw SyntaxError("expected `N units before`, `N units after` or `on the day`", at: 0)
    }

    public static func parseEnd(_ text: String) throws(SyntaxError) -> CadenceEnd {
        .until(try parseAnchor(text))
    }

    public static func parseHolidayPolicy(_ text: String) throws(SyntaxError) -> HolidayPolicy {
        guard let policy = HolidayPolicy(rawValue: text) else { throw SyntaxError("expected keep, next, previous or skip") }
        return policy
    }

    private static func frequency(_ word: String, at offset: Int) throws(SyntaxError) -> Cadence.Frequency {
        let name = word.hasSuffix("s") ? String(word.dropLast()) : word
        guard let frequency = Cadence.Frequency(rawValue: name) else {
            throw SyntaxError("expected a period such as `week`, found `\(word)`", at: offset)
        }
        return frequency
    }
}

/// Placeholder for the iCalendar holiday reader (see the note at the top of the file).
public enum ICalendarHolidays {
    public static func parse(_ text: String, file: String) throws(DiagnosticList) -> [CivilDate: String] { [:] }
}
