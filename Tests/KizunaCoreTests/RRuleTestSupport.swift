import Foundation
@testable import KizunaCore

/// The first `limit` occurrences of `rule` from `start`, as ISO 8601 wall times.
func rruleOccurrences(
    _ rule: String, from start: String, zone: String = "America/New_York", limit: Int = 1000
) throws -> [String] {
    try RecurrenceRule(parsing: rule)
        .occurrences(from: LocalDateTime(start)!, zone: Zone.named(zone)!)
        .prefix(limit).map(\.description)
}

/// Wall times written compactly, all at one time of day: `"1997-09: 2 4...6; 1997-10: 1"` is
/// September 2nd, 4th, 5th and 6th and October 1st, 1997.
func wallTimes(_ days: String, at time: String = "09:00:00") -> [String] {
    days.split(separator: ";").flatMap { group -> [String] in
        let parts = group.split(separator: ":")
        let month = parts[0].trimmingCharacters(in: .whitespaces)
        return parts[1].split(separator: " ").flatMap { item -> [Int] in
            let bounds = item.split(separator: ".", omittingEmptySubsequences: true).map { Int($0)! }
            return Array(bounds[0]...bounds[bounds.count - 1])
        }.map { "\(month)-\(CivilDate.twoDigits($0))T\(time)" }
    }
}
