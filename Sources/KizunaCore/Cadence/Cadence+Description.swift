/// The canonical friendly text of each part of a cadence; `CadenceParser` reads it back
/// to an equal value.
extension Cadence: CustomStringConvertible {
    /// `every 2 weeks on tuesday and thursday at 10:00 holidays next from stage entered + 2 business days`.
    public var description: String {
        var text = "every " + (interval == 1 ? frequency.rawValue : "\(interval) \(frequency.rawValue)s")
        if !days.isEmpty { text += " on " + englishList(days.map(\.description)) }
        if !times.isEmpty { text += " at " + englishList(times.map(\.description)) }
        if holidays != .keep { text += " holidays \(holidays.rawValue)" }
        if let start { text += " from \(start)" }
        if let end { text += " \(end)" }
        if recurrence == .afterCompletion { text += " after completion" }
        return text
    }
}

extension DaySelector: CustomStringConvertible {
    /// `tuesday`, `the first tuesday`, `day 15`, `the last business day`, `march 15`.
    public var description: String {
        switch self {
        case .weekday, .monthDay, .day(1...): phrase
        case .nthWeekday, .day, .businessDay: "the " + phrase
        }
    }

    /// The description without its article, for messages that quote the selector.
    var phrase: String {
        switch self {
        case .weekday(let weekday): weekday.name
        case .nthWeekday(let n, let weekday): "\(ordinalName(n)) \(weekday.name)"
        case .day(let n): n > 0 ? "day \(n)" : "\(ordinalName(n)) day"
        case .businessDay(let n): "\(ordinalName(n)) business day"
        case .monthDay(let month, let day): "\(CadenceReader.monthNames[month - 1]) \(day)"
        }
    }
}

extension Anchor: CustomStringConvertible {
    /// `stage entered + 2 business days`, `renewal date - 90 days`, `2027-01-15`.
    public var description: String {
        let name =
            switch base {
            case .stageEntered: "stage entered"
            case .customerSince: "customer since"
            case .renewalDate: "renewal date"
            case .date(let date): date.description
            }
        return offsets.reduce(name) { text, span in
            text + (span.amount < 0 ? " - " : " + ") + CalendarSpan(abs(span.amount), span.unit).description
        }
    }
}

extension CadenceEnd: CustomStringConvertible {
    /// `until renewal date`, `for 6 times`.
    public var description: String {
        switch self {
        case .count(let count): "for \(count) time\(count == 1 ? "" : "s")"
        case .until(let anchor): "until \(anchor)"
        }
    }
}

/// `first`, `2nd` … `fifth`, `6th`, `last`, `second last`.
private func ordinalName(_ n: Int) -> String {
    if n == -1 { return "last" }
    if n < 0 { return ordinalName(-n) + " last" }
    if let word = CadenceReader.ordinalWords.first(where: { $0.value == n })?.key { return word }
    let suffix =
        switch (n % 10, n % 100) {
        case (_, 11...13): "th"
        case (1, _): "st"
        case (2, _): "nd"
        case (3, _): "rd"
        default: "th"
        }
    return "\(n)\(suffix)"
}

/// `a`, `a and b`, `a, b and c`.
private func englishList(_ items: [String]) -> String {
    guard items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
}
