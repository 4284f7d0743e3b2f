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

/// A piece of a rule's text that knows where it starts (in Unicode scalars from the start
/// of the whole text), so that an error can point at it.
struct RuleFragment {
    let scalars: ArraySlice<Unicode.Scalar>

    init(_ scalars: ArraySlice<Unicode.Scalar>) {
        self.scalars = scalars
    }

    var offset: Int { scalars.startIndex }
    var isEmpty: Bool { scalars.isEmpty }

    var text: String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// The text in upper case, for names and enumerated values, which RFC 5545 reads case-insensitively.
    var upper: String { text.uppercased() }

    /// "found `X`", or "found nothing" for an empty fragment: the end of an error message.
    var found: String { isEmpty ? "found nothing" : "found `\(text)`" }

    /// The pieces between separators, empty ones included.
    func split(on separator: Unicode.Scalar) -> [RuleFragment] {
        scalars.split(separator: separator, omittingEmptySubsequences: false).map(RuleFragment.init)
    }
}

/// The rule parts that RFC 5545 and RFC 7529 define.
enum RulePart: String, CaseIterable {
    case frequency = "FREQ", until = "UNTIL", count = "COUNT", interval = "INTERVAL"
    case bySecond = "BYSECOND", byMinute = "BYMINUTE", byHour = "BYHOUR", byDay = "BYDAY"
    case byMonthDay = "BYMONTHDAY", byYearDay = "BYYEARDAY", byWeekNumber = "BYWEEKNO", byMonth = "BYMONTH"
    case bySetPosition = "BYSETPOS", weekStart = "WKST", rscale = "RSCALE", skip = "SKIP"

    /// The part that `name` spells, or an error with a "did you mean" hint.
    init(_ name: RuleFragment) throws(SyntaxError) {
        guard let part = RulePart(rawValue: name.upper) else {
            let names = RulePart.allCases.map(\.rawValue)
            throw SyntaxError(
                "expected a rule part (\(names.joined(separator: ", "))), \(name.found)", at: name.offset,
                hint: closestMatch(to: name.upper, among: names).map { "did you mean `\($0)`?" })
        }
        self = part
    }
}
