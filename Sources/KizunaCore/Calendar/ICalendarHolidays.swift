/// Reads a team's holidays from an iCalendar file (RFC 5545), as calendar apps and
/// public-holiday feeds export them.
///
/// Each `VEVENT` is a holiday named by its `SUMMARY` on the date of its `DTSTART`
/// (`VALUE=DATE`, or the date of a date-time), through the day before its `DTEND` when it
/// spans several days. A yearly rule (`RRULE:FREQ=YEARLY` with optional `INTERVAL`,
/// `COUNT`, `UNTIL`) repeats it; an open-ended one is read for 100 years. Lines folded as
/// §3.1 describes are unfolded first. Other components and properties are ignored; when
/// two events fall on one date, the first one's name is kept.
public enum ICalendarHolidays {
    /// How many years an open-ended yearly rule is read for.
    public static let openEndedYears = 100

    /// The holidays of `text`, by date; `file` names it in the diagnostics, which carry
    /// `file:line:column` and are all reported together.
    public static func parse(_ text: String, file: String) throws(DiagnosticList) -> [CivilDate: String] {
        var reader = HolidayEventReader(file: file)
        for line in unfold(text) { reader.read(line) }
        reader.finish()
        guard reader.diagnostics.isEmpty else { throw DiagnosticList(reader.diagnostics) }
        return reader.holidays
    }

    /// A content line after unfolding, with the line it starts on.
    struct ContentLine {
        var number: Int
        var text: Substring
    }

    /// Joins each line that starts with a space or a tab to the line before it (RFC 5545 §3.1).
    static func unfold(_ text: String) -> [ContentLine] {
        var lines: [ContentLine] = []
        // CRLF is one Character in Swift; `isNewline` also accepts bare LF and CR.
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            if let first = line.first, first == " " || first == "\t", !lines.isEmpty {
                lines[lines.count - 1].text += line.dropFirst()
            } else if !line.isEmpty {
                lines.append(ContentLine(number: index + 1, text: line))
            }
        }
        return lines
    }
}
