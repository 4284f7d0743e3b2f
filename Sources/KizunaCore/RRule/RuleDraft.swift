/// The parts of a rule read so far, with where each was given, until the rule is complete
/// and the parts can be checked against each other (RFC 5545 §3.3.10's MUST NOTs).
struct RuleDraft {
    /// The offset of each part's name, for errors and to find repeated parts.
    private var given: [RulePart: Int] = [:]
    private var frequency: RecurrenceRule.Frequency?
    private var interval = 1
    private var count: Int?
    private var until: RecurrenceRule.Until?
    private var lists: [RulePart: [Int]] = [:]
    private var byDay: [(specifier: RecurrenceRule.WeekdaySpecifier, hasOrdinal: Bool, offset: Int)] = []
    private var weekStart = Weekday.monday
    private var skip = RecurrenceRule.Skip.omit

    mutating func read(_ part: RulePart, named name: RuleFragment, value: RuleFragment) throws(SyntaxError) {
        if given[part] != nil {
            throw SyntaxError("expected each rule part once, found a second \(part.rawValue)", at: name.offset)
        }
        if (part == .count && given[.until] != nil) || (part == .until && given[.count] != nil) {
            throw SyntaxError("expected either COUNT or UNTIL, found both", at: name.offset)
        }
        given[part] = name.offset
        switch part {
        case .frequency: frequency = try value.choice(of: RecurrenceRule.Frequency.allCases.map { ($0.name, $0) }, for: part)
        case .until: until = try value.until()
        case .count: count = try value.positiveInteger(for: part)
        case .interval: interval = try value.positiveInteger(for: part)
        case .bySecond: lists[part] = try value.integerList(0...60, signed: false, for: part)
        case .byMinute: lists[part] = try value.integerList(0...59, signed: false, for: part)
        case .byHour: lists[part] = try value.integerList(0...23, signed: false, for: part)
        case .byMonthDay: lists[part] = try value.integerList(1...31, signed: true, for: part)
        case .byYearDay, .bySetPosition: lists[part] = try value.integerList(1...366, signed: true, for: part)
        case .byWeekNumber: lists[part] = try value.integerList(1...53, signed: true, for: part)
        case .byMonth: lists[part] = try value.integerList(1...12, signed: false, for: part)
        case .byDay:
            for item in value.split(on: ",") {
                let (specifier, hasOrdinal) = try item.weekdaySpecifier()
                byDay.append((specifier, hasOrdinal, item.offset))
            }
        case .weekStart: weekStart = try value.weekday(for: part)
        case .rscale: _ = try value.choice(of: [("GREGORIAN", ())], for: part, hint: "only the Gregorian calendar is supported")
        case .skip: skip = try value.choice(of: RecurrenceRule.Skip.allCases.map { ($0.rawValue, $0) }, for: part)
        }
    }

    /// The complete rule; `bodyStart` is where the rule parts begin, for a missing FREQ.
    func rule(startingAt bodyStart: Int) throws(SyntaxError) -> RecurrenceRule {
        guard let frequency else {
            throw SyntaxError("expected a FREQ rule part, such as `FREQ=WEEKLY`", at: bodyStart)
        }
        if let offset = given[.skip], given[.rscale] == nil {
            throw SyntaxError("expected RSCALE with SKIP (RFC 7529)", at: offset, hint: "add `RSCALE=GREGORIAN`")
        }
        try checkFrequency(frequency)
        try checkOrdinals(frequency)
        if let offset = given[.bySetPosition], lists.count == 1, byDay.isEmpty {
            throw SyntaxError("expected another BYxxx rule part for BYSETPOS to choose from", at: offset)
        }
        return RecurrenceRule(
            frequency: frequency, interval: interval, count: count, until: until,
            bySecond: lists[.bySecond] ?? [], byMinute: lists[.byMinute] ?? [], byHour: lists[.byHour] ?? [],
            byDay: Set(byDay.map(\.specifier)).sorted { ($0.ordinal ?? 0, $0.weekday) < ($1.ordinal ?? 0, $1.weekday) },
            byMonthDay: lists[.byMonthDay] ?? [], byYearDay: lists[.byYearDay] ?? [],
            byWeekNumber: lists[.byWeekNumber] ?? [], byMonth: lists[.byMonth] ?? [],
            bySetPosition: lists[.bySetPosition] ?? [], weekStart: weekStart, skip: skip)
    }

    /// The day parts that RFC 5545's table marks N/A for some frequencies.
    private func checkFrequency(_ frequency: RecurrenceRule.Frequency) throws(SyntaxError) {
        let allowed: [(RulePart, [RecurrenceRule.Frequency], String)] = [
            (.byWeekNumber, [.yearly], "it needs FREQ=YEARLY"),
            (.byYearDay, [.yearly, .hourly, .minutely, .secondly], "RFC 5545 allows it with FREQ=YEARLY, HOURLY, MINUTELY or SECONDLY"),
            (.byMonthDay, RecurrenceRule.Frequency.allCases.filter { $0 != .weekly }, "RFC 5545 allows it with every FREQ but WEEKLY"),
        ]
        for (part, frequencies, hint) in allowed {
            if let offset = given[part], !frequencies.contains(frequency) {
                throw SyntaxError("\(part.rawValue) cannot be used with FREQ=\(frequency.name)", at: offset, hint: hint)
            }
        }
    }

    /// BYDAY ordinals count within a month or a year, so only monthly and yearly rules
    /// without BYWEEKNO may have them.
    private func checkOrdinals(_ frequency: RecurrenceRule.Frequency) throws(SyntaxError) {
        guard let day = byDay.first(where: \.hasOrdinal) else { return }
        let plain = "`\(day.specifier.weekday.icalCode)`"
        if frequency != .monthly && frequency != .yearly {
            throw SyntaxError(
                "BYDAY ordinal `\(day.specifier)` cannot be used with FREQ=\(frequency.name)", at: day.offset,
                hint: "ordinals need FREQ=MONTHLY or FREQ=YEARLY; \(plain) means every such weekday")
        }
        if given[.byWeekNumber] != nil {
            throw SyntaxError(
                "BYDAY ordinal `\(day.specifier)` cannot be combined with BYWEEKNO", at: day.offset,
                hint: "\(plain) means that weekday of each chosen week")
        }
    }
}
