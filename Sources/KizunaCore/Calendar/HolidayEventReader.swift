/// Collects the properties of each `VEVENT` of an iCalendar file and turns the event
/// into holiday dates; problems become diagnostics and reading goes on.
struct HolidayEventReader {
    private struct Property {
        var value: Substring
        /// A date (`20261225`) rather than a date-time (`20261225T090000`).
        var isDate: Bool
        var line: Int
        var column: Int
    }

    let file: String
    private(set) var holidays: [CivilDate: String] = [:]
    private(set) var diagnostics: [Diagnostic] = []
    /// The line of the open `BEGIN:VEVENT`, and the event's properties so far.
    private var eventLine: Int?
    private var properties: [String: Property] = [:]

    init(file: String) {
        self.file = file
    }

    mutating func read(_ line: ICalendarHolidays.ContentLine) {
        guard let colon = valueSeparator(in: line.text) else {
            return report("expected `NAME:value`, found `\(line.text)`", line: line.number, column: 1)
        }
        let head = line.text[..<colon]
        let name = head.prefix { $0 != ";" }.uppercased()
        let value = line.text[line.text.index(after: colon)...]
        let column = line.text.distance(from: line.text.startIndex, to: colon) + 2
        switch (name, value.uppercased()) {
        case ("BEGIN", "VEVENT"):
            if let open = eventLine { report("expected END:VEVENT before this BEGIN:VEVENT (the event opened on line \(open))", line: line.number, column: 1) }
            eventLine = line.number
            properties = [:]
        case ("END", "VEVENT"):
            guard let open = eventLine else { return report("END:VEVENT without a BEGIN:VEVENT", line: line.number, column: 1) }
            addEvent(openedOn: open)
            eventLine = nil
        default:
            guard eventLine != nil, properties[name] == nil else { return }
            properties[name] = Property(value: value, isDate: !value.contains("T"), line: line.number, column: column)
        }
    }

    mutating func finish() {
        if let open = eventLine { report("expected END:VEVENT before the end of the file", line: open, column: 1) }
    }

    private mutating func addEvent(openedOn line: Int) {
        guard let startProperty = properties["DTSTART"] else {
            return report("a holiday event needs a DTSTART", line: line, column: 1)
        }
        guard let start = date(startProperty) else { return }
        var length = 1
        if let endProperty = properties["DTEND"] {
            guard let end = date(endProperty) else { return }
            // A date end is exclusive; a date-time end includes its day unless it is midnight.
            let includesEndDay = !endProperty.isDate && !endProperty.value.hasSuffix("T000000") && !endProperty.value.hasSuffix("T000000Z")
            length = end.dayNumber - start.dayNumber + (includesEndDay ? 1 : 0)
            guard length >= 1 else {
                return report("DTEND must be after DTSTART", line: endProperty.line, column: endProperty.column)
            }
        }
        let name = properties["SUMMARY"].map { unescape($0.value) } ?? "Holiday"
        let starts: [CivilDate]
        if let rule = properties["RRULE"] {
            guard let dates = yearlyDates(from: start, rule: rule) else { return }
            starts = dates
        } else {
            starts = [start]
        }
        for first in starts {
            for offset in 0..<length where holidays[first.adding(days: offset)] == nil {
                holidays[first.adding(days: offset)] = name
            }
        }
    }

    /// The dates of `FREQ=YEARLY[;INTERVAL=n][;COUNT=n][;UNTIL=date]`, in RFC 5545's
    /// meaning: a February 29 recurs in leap years only.
    private mutating func yearlyDates(from start: CivilDate, rule: Property) -> [CivilDate]? {
        var frequency: Substring?
        var interval = 1
        var count: Int?
        var until: CivilDate?
        for part in rule.value.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1)
            let key = pair[0].uppercased()
            let value = pair.count > 1 ? pair[1] : ""
            switch key {
            case "FREQ": frequency = value
            case "INTERVAL", "COUNT":
                guard let number = Int(value), number >= 1 else {
                    report("expected a positive number for \(key), found `\(value)`", line: rule.line, column: rule.column)
                    return nil
                }
                if key == "COUNT" { count = number } else { interval = number }
            case "UNTIL":
                guard let date = Self.date(value) else {
                    report("expected a date such as 20271231 for UNTIL, found `\(value)`", line: rule.line, column: rule.column)
                    return nil
                }
                until = date
            default:
                report(
                    "unsupported RRULE part `\(part)`: holiday rules may only use FREQ=YEARLY with INTERVAL, COUNT or UNTIL",
                    line: rule.line, column: rule.column, hint: "list such holidays as one event per date")
                return nil
            }
        }
        guard frequency?.uppercased() == "YEARLY" else {
            report(
                "unsupported RRULE `\(rule.value)`: holiday rules must be FREQ=YEARLY", line: rule.line, column: rule.column,
                hint: "list such holidays as one event per date")
            return nil
        }
        var dates: [CivilDate] = []
        let lastYear = until?.year ?? start.year + ICalendarHolidays.openEndedYears - 1
        for year in stride(from: start.year, through: lastYear, by: interval) {
            guard let date = CivilDate(year: year, month: start.month, day: start.day) else { continue }
            if let until, date > until { break }
            if let count, dates.count == count { break }
            dates.append(date)
        }
        return dates
    }

    /// The date of a `DTSTART`/`DTEND` value: `20261225` or `20261225T090000[Z]`.
    private mutating func date(_ property: Property) -> CivilDate? {
        guard let date = Self.date(property.value) else {
            report(
                "expected a date such as 20261225 or a date-time such as 20261225T090000, found `\(property.value)`",
                line: property.line, column: property.column)
            return nil
        }
        return date
    }

    private static func date(_ value: Substring) -> CivilDate? {
        let digits = value.prefix(8)
        let rest = value.dropFirst(8)
        guard digits.count == 8, digits.allSatisfy({ $0.isASCII && $0.isNumber }), rest.isEmpty || rest.first == "T",
            let number = Int(digits)
        else { return nil }
        return CivilDate(year: number / 10_000, month: number / 100 % 100, day: number % 100)
    }

    /// The first `:` outside a quoted parameter value.
    private func valueSeparator(in line: Substring) -> Substring.Index? {
        var quoted = false
        for index in line.indices {
            if line[index] == "\"" { quoted.toggle() } else if line[index] == ":" && !quoted { return index }
        }
        return nil
    }

    /// TEXT unescaping (RFC 5545 §3.3.11); a line break becomes a space.
    private func unescape(_ text: Substring) -> String {
        var result = ""
        var escaped = false
        for character in text {
            if escaped {
                result.append(character == "n" || character == "N" ? " " : character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }

    private mutating func report(_ message: String, line: Int, column: Int, hint: String? = nil) {
        diagnostics.append(Diagnostic(message, at: SourceLocation(file: file, line: line, column: column), hint: hint))
    }
}
