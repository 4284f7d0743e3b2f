/// A date in the proleptic Gregorian calendar, with no time of day and no time zone.
///
/// Arithmetic works on a day number (days since 1970-01-01) with Howard Hinnant's
/// `days_from_civil` algorithms, so that cadence expansion never walks day by day
/// and never goes through a `Calendar`, which is far too slow for the planner.
public struct CivilDate: Hashable, Comparable, Sendable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A validated date; `nil` when the day does not exist (2026-02-29, 2026-04-31).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year) else {
            return nil
        }
        self.init(unchecked: year, month, day)
    }

    init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `dayNumber` days after 1970-01-01.
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(unchecked: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Days since 1970-01-01 (negative before it).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        Weekday.thursday.advanced(by: dayNumber % 7)
    }

    /// 1 for January 1st.
    public var dayOfYear: Int { dayNumber - CivilDate(unchecked: year, 1, 1).dayNumber + 1 }

    /// 1 through 4.
    public var quarter: Int { (month - 1) / 3 + 1 }

    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

    /// Adds months; a day that the target month lacks is clamped to its last day
    /// (January 31 + 1 month is February 28 or 29).
    public func adding(months: Int) -> CivilDate {
        let index = year * 12 + (month - 1) + months
        let newYear = index >= 0 ? index / 12 : (index - 11) / 12
        let newMonth = index - newYear * 12 + 1
        return CivilDate(unchecked: newYear, newMonth, min(day, CivilDate.daysIn(month: newMonth, year: newYear)))
    }

    /// The first day of this date's month.
    public var startOfMonth: CivilDate { CivilDate(unchecked: year, month, 1) }

    /// The last day of this date's month.
    public var endOfMonth: CivilDate { CivilDate(unchecked: year, month, CivilDate.daysIn(month: month, year: year)) }

    public static func isLeap(year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year: year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func daysIn(year: Int) -> Int { isLeap(year: year) ? 366 : 365 }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

extension CivilDate: CustomStringConvertible, LosslessStringConvertible {
    /// ISO 8601, `2026-11-23`.
    public var description: String {
        guard (0..<10000).contains(year) else { return "\(year)-\(Self.twoDigits(month))-\(Self.twoDigits(day))" }
        // Written digit by digit: every planned occurrence's key is its date.
        return String(unsafeUninitializedCapacity: 10) { buffer in
            func write(_ value: Int, digits: Int, endingAt end: Int) {
                var rest = value
                for index in (end - digits..<end).reversed() {
                    buffer[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
            }
            write(year, digits: 4, endingAt: 4)
            buffer[4] = UInt8(ascii: "-")
            write(month, digits: 2, endingAt: 7)
            buffer[7] = UInt8(ascii: "-")
            write(day, digits: 2, endingAt: 10)
            return 10
        }
    }

    /// Reads an ISO 8601 calendar date, `2026-11-23`; `nil` when it is malformed or does not exist.
    public init?(_ text: String) {
        // `YYYY-MM-DD` in ASCII digits, read from its bytes: imports read dates by the hundred thousand.
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = Self.number(bytes[0..<4]), let month = Self.number(bytes[5..<7]), let day = Self.number(bytes[8..<10])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The value of ASCII decimal digits; `nil` when another byte is among them.
    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
