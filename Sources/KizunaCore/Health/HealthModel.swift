/// A team's health model (`health.yaml`): measures computed from signals over windows,
/// each normalized between a bad and a good bound and weighted, summed to a 0–100 score
/// and banded red / yellow / green. See docs/health.md.
public struct HealthModel: Hashable, Sendable {
    /// The metrics signals may carry; `nil` when the model does not name them (any metric is accepted).
    public var metrics: Set<String>?
    public var measures: [HealthMeasure]
    public var bands: HealthBands
    /// How far back the trend compares today's score.
    public var trend: CalendarSpan
    /// The share of the total weight (0–1) the measures with data must carry for a score to be known.
    public var coverage: Double

    public init(
        metrics: Set<String>? = nil, measures: [HealthMeasure], bands: HealthBands = HealthBands(),
        trend: CalendarSpan = CalendarSpan(28, .day), coverage: Double = 0.5
    ) {
        self.metrics = metrics
        self.measures = measures
        self.bands = bands
        self.trend = trend
        self.coverage = coverage
    }

    /// The sum of the measures' weights.
    public var totalWeight: Double { measures.reduce(0) { $0 + $1.weight } }
}

/// One measure of a health model: a metric aggregated over a window, normalized and weighted.
public struct HealthMeasure: Hashable, Sendable {
    /// The measure's name as reports show it (`weekly logins`).
    public var name: String
    public var metric: String
    public var aggregate: HealthAggregate
    /// The window of days ending today the aggregate looks at (`28 days`, `3 months`).
    public var window: CalendarSpan
    /// The value that scores 0 and the value that scores 100; `bad > good` when less is better.
    public var bad: Double
    public var good: Double
    /// A positive weight, relative to the other measures'.
    public var weight: Double

    public init(
        name: String, metric: String, aggregate: HealthAggregate, window: CalendarSpan, bad: Double, good: Double, weight: Double
    ) {
        self.name = name
        self.metric = metric
        self.aggregate = aggregate
        self.window = window
        self.bad = bad
        self.good = good
        self.weight = weight
    }
}

/// How a measure reduces a metric's observations in its window to one number.
public enum HealthAggregate: String, Hashable, Sendable, CaseIterable {
    case latest, average, sum, count, min, max
    /// The sum per seven days of the window (`logins per week over 28 days`).
    case perWeek = "per_week"
}

/// The score bounds of the bands: below `red` is red, below `yellow` yellow, else green.
public struct HealthBands: Hashable, Sendable {
    public var red: Double
    public var yellow: Double

    public init(red: Double = 40, yellow: Double = 70) {
        self.red = red
        self.yellow = yellow
    }

    /// The band of a score.
    public func band(of score: Double) -> HealthBand {
        score < red ? .red : score < yellow ? .yellow : .green
    }
}

/// A health band, worst first.
public enum HealthBand: String, Hashable, Sendable, CaseIterable, Comparable, Codable {
    case red, yellow, green, unknown

    /// Red sorts first, then yellow, green, and unknown last.
    public static func < (lhs: HealthBand, rhs: HealthBand) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
