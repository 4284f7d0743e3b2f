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

/// Deterministic pseudo-random numbers: SplitMix64.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// True `percent` times in a hundred.
    mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    /// One to `most` distinct values from `values`, in the order drawn.
    mutating func some(_ values: [Int], most: Int) -> [Int] {
        var chosen: [Int] = []
        for _ in 0..<int(1...most) {
            let value = pick(values)
            if !chosen.contains(value) { chosen.append(value) }
        }
        return chosen
    }
}
