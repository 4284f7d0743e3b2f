/// A date and a wall-clock time with no time zone: the "floating" time of RFC 5545.
public struct LocalDateTime: Hashable, Comparable, Sendable {
    public let date: CivilDate
    public let time: LocalTime

    public init(date: CivilDate, time: LocalTime = .midnight) {
        self.date = date
        self.time = time
    }

    /// Seconds since 1970-01-01T00:00 as if this wall time were UTC.
    public var secondsSinceEpoch: Int64 {
        Int64(date.dayNumber) * 86_400 + Int64(time.secondsOfDay)
    }

    /// The wall time `seconds` after 1970-01-01T00:00.
    public init(secondsSinceEpoch seconds: Int64) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        self.init(date: CivilDate(dayNumber: Int(days)), time: LocalTime(secondsOfDay: Int(seconds - days * 86_400)))
    }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.date, lhs.time) < (rhs.date, rhs.time)
    }
}

extension LocalDateTime: CustomStringConvertible, LosslessStringConvertible {
    /// ISO 8601, `2026-11-23T10:00:00`.
    public var description: String {
        "\(date)T\(CivilDate.twoDigits(time.hour)):\(CivilDate.twoDigits(time.minute)):\(CivilDate.twoDigits(time.second))"
    }

    /// Reads `2026-11-23`, `2026-11-23T10:00` or `2026-11-23T10:00:00` (a space may stand for `T`).
    public init?(_ text: String) {
        let parts = text.split(maxSplits: 1, whereSeparator: { $0 == "T" || $0 == " " })
        guard let first = parts.first, let date = CivilDate(String(first)) else { return nil }
        if parts.count == 1 {
            self.init(date: date)
            return
        }
        guard let time = LocalTime(String(parts[1])) else { return nil }
        self.init(date: date, time: time)
    }
}
