/// The running aggregate of a measure's observations in its window, fed in ascending
/// order: what `HealthMeasure.value(of:on:)` reduces a series to, kept without the series
/// so that a recomputation can stream the store's rows.
public struct MeasureTally: Hashable, Sendable {
    public private(set) var count = 0
    private var sum = 0.0
    private var minimum = 0.0
    private var maximum = 0.0
    private var latest = 0.0

    public init() {}

    /// Adds the next observation (the latest so far).
    public mutating func add(_ value: Double) {
        // The same comparisons and order as `min()`, `max()` and `reduce` over the series.
        if count == 0 || value < minimum { minimum = value }
        if count == 0 || value > maximum { maximum = value }
        sum += value
        latest = value
        count += 1
    }

    /// The aggregate over a window of `days` days; `nil` without observations.
    public func value(_ aggregate: HealthAggregate, days: Int) -> Double? {
        guard count > 0 else { return nil }
        switch aggregate {
        case .latest: return latest
        case .count: return Double(count)
        case .sum: return sum
        case .average: return sum / Double(count)
        case .min: return minimum
        case .max: return maximum
        case .perWeek: return sum * 7 / Double(Swift.max(days, 1))
        }
    }
}
