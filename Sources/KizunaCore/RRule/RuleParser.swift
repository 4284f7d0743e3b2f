/// Reads the text form of a recurrence rule: RFC 5545 §3.3.10 with RFC 7529's RSCALE and SKIP.
///
/// The text is split into `NAME=VALUE` parts on `;`; each part is read into a `RuleDraft`,
/// which checks the parts against each other once all are known.
struct RuleParser {
    private let scalars: [Unicode.Scalar]

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    func parse() throws(SyntaxError) -> RecurrenceRule {
        let prefix = "RRULE:".unicodeScalars
        let hasPrefix = scalars.count >= prefix.count && RuleFragment(scalars[..<prefix.count]).upper == "RRULE:"
        let body = RuleFragment(scalars[(hasPrefix ? prefix.count : 0)...])
        var draft = RuleDraft()
        for field in body.split(on: ";") {
            guard !field.isEmpty else {
                let message = field.offset == body.offset ? "expected a rule part such as `FREQ=WEEKLY`" : "expected a rule part after `;`"
                throw SyntaxError("\(message), found nothing", at: field.offset)
            }
            let equals = field.scalars.firstIndex(of: "=")
            let name = RuleFragment(field.scalars[..<(equals ?? field.scalars.endIndex)])
            let part = try RulePart(name)
            guard let equals else {
                throw SyntaxError("expected `=` and a value after `\(name.text)`", at: field.scalars.endIndex)
            }
            try draft.read(part, named: name, value: RuleFragment(field.scalars[(equals + 1)...]))
        }
        return try draft.rule(startingAt: body.offset)
    }
}
