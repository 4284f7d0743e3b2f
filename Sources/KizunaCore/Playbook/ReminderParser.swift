/// Reads the parts of a `remind:` entry: when (`1 hour before`, `at start`, `when due`,
/// `overdue by 1 business day`) and, optionally, who else and how
/// (`escalate to "{{ customer.team_lead }}" via chat`).
enum ReminderParser {
    static let timingForms = "`<span> before`, `at start`, `when due` or `overdue by <span>`"

    /// When the reminder fires.
    static func timing(_ text: String) throws(SyntaxError) -> ReminderRule.Timing {
        switch text {
        case "at start": return .atStart
        case "when due": return .atDue
        default: break
        }
        let overdue = "overdue by "
        if text.hasPrefix(overdue) {
            return .overdue(try span(String(text.dropFirst(overdue.count)), at: overdue.count))
        }
        let before = " before"
        if text.hasSuffix(before) {
            return .beforeStart(try span(String(text.dropLast(before.count)), at: 0))
        }
        throw SyntaxError("expected a reminder time, found `\(text)`", hint: "write \(timingForms)")
    }

    /// Who is told instead of the owner, and on which channel: `escalate to <who>`,
    /// `via <channel>`, or both (`escalate to "{{ customer.team_lead }}" via chat`).
    static func action(_ text: String) throws(SyntaxError) -> (recipient: Template?, channel: String?) {
        let scalars = Array(text.unicodeScalars)
        let escalate = Array("escalate to ".unicodeScalars)
        var recipient: Template?
        var rest = 0
        if scalars.starts(with: escalate) {
            let (who, whoStart, end) = try person(scalars, from: escalate.count)
            do {
                recipient = try Template(parsing: who)
            } catch {
                throw SyntaxError(error.message, at: whoStart + error.offset, hint: error.hint)
            }
            rest = end
        }
        while rest < scalars.count, scalars[rest] == " " { rest += 1 }
        let via = Array("via ".unicodeScalars)
        guard rest < scalars.count else { return (recipient, nil) }
        guard scalars[rest...].starts(with: via), rest + via.count < scalars.count else {
            throw SyntaxError(
                "expected `escalate to <person>` or `via <channel>`", at: rest,
                hint: "for example `escalate to \"{{ customer.team_lead }}\"`")
        }
        return (recipient, String(String.UnicodeScalarView(scalars[(rest + via.count)...])))
    }

    /// The person after `escalate to`, quoted or up to ` via `: its text, where it
    /// starts, and where what follows it starts.
    private static func person(_ scalars: [Unicode.Scalar], from start: Int) throws(SyntaxError) -> (String, Int, Int) {
        if start < scalars.count, scalars[start] == "\"" {
            guard let close = scalars[(start + 1)...].firstIndex(of: "\"") else {
                throw SyntaxError("unterminated quote", at: start, hint: "close the person's name with `\"`")
            }
            return (String(String.UnicodeScalarView(scalars[(start + 1)..<close])), start + 1, close + 1)
        }
        let via = Array(" via ".unicodeScalars)
        var end = start
        while end < scalars.count, !scalars[end...].starts(with: via) { end += 1 }
        guard end > start else { throw SyntaxError("expected a person to escalate to", at: start) }
        return (String(String.UnicodeScalarView(scalars[start..<end])), start, end)
    }

    private static func span(_ text: String, at offset: Int) throws(SyntaxError) -> CalendarSpan {
        do {
            return try CadenceParser.parseSpan(text)
        } catch {
            throw SyntaxError(error.message, at: offset + error.offset, hint: error.hint)
        }
    }
}
