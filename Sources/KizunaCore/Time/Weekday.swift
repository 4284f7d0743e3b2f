/// A day of the week, numbered as ISO 8601 does (Monday is 1, Sunday is 7).
public enum Weekday: Int, CaseIterable, Sendable, Comparable, Codable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    /// The English name in lower case, as playbooks spell it ("tuesday").
    public var name: String {
        switch self {
        case .monday: "monday"
        case .tuesday: "tuesday"
        case .wednesday: "wednesday"
        case .thursday: "thursday"
        case .friday: "friday"
        case .saturday: "saturday"
        case .sunday: "sunday"
        }
    }

    /// The RFC 5545 two-letter code ("TU").
    public var icalCode: String { String(name.prefix(2)).uppercased() }

    /// Reads a full English name, a three-letter abbreviation or an RFC 5545 code, in any case.
    public init?(name: String) {
        let lowered = name.lowercased()
        guard
            let match = Weekday.allCases.first(where: {
                $0.name == lowered || ($0.name.prefix(3) == lowered && lowered.count == 3)
                    || $0.name.prefix(2) == lowered && lowered.count == 2
            })
        else { return nil }
        self = match
    }

    /// The weekday `count` days after this one (negative counts go back).
    public func advanced(by count: Int) -> Weekday {
        let index = (rawValue - 1 + count) % 7
        return Weekday(rawValue: (index + 7) % 7 + 1)!
    }

    /// Days from this weekday forward to `other` (0 through 6).
    public func days(until other: Weekday) -> Int {
        ((other.rawValue - rawValue) % 7 + 7) % 7
    }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}
