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
