extension KPIPeriod {
    /// A period that cannot be read, with what was expected.
    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public let description: String

        public init(description: String) {
            self.description = description
        }
    }

    /// Reads `2026-Q3`, `2026-10` or `2026-W42` (any case).
    ///
    /// - Throws: `ParseError` saying what was expected, or that the year has no such week.
    public init(parsing text: String) throws(ParseError) {
        let parts = text.uppercased().split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), parts[0].allSatisfy(\.isASCIIDigit) else {
            throw Self.malformed(text)
        }
        let rest = parts[1]
        if rest.hasPrefix("Q"), rest.count == 2, let quarter = Self.digits(rest.dropFirst()), (1...4).contains(quarter) {
            self = .quarter(quarter, of: year)
        } else if rest.hasPrefix("W"), rest.count == 3, let week = Self.digits(rest.dropFirst()) {
            guard let period = Self.week(week, of: year) else {
                throw ParseError(
                    description: "`\(text)`: \(year) has \(Self.weeks(inISOYear: year)) ISO weeks, there is no week \(week)")
            }
            self = period
        } else if rest.count == 2, let month = Self.digits(rest), (1...12).contains(month) {
            self = .month(month, of: year)
        } else {
            throw Self.malformed(text)
        }
    }

    private static func malformed(_ text: String) -> ParseError {
        ParseError(
            description: "`\(text)` is not a period: expected a quarter (`2026-Q3`), a month (`2026-10`) or an ISO week (`2026-W42`)")
    }

    private static func digits(_ text: Substring) -> Int? {
        text.allSatisfy(\.isASCIIDigit) ? Int(text) : nil
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
