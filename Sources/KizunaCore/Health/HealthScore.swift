/// A customer's health on one day: the score (`nil` when unknown) and what each measure gave.
public struct HealthScore: Hashable, Sendable, Codable {
    /// 0–100, or `nil` when the measures with data carry too little of the weight.
    public var score: Double?
    public var band: HealthBand
    /// Every measure of the model, in the model's order.
    public var measures: [MeasureScore]

    public init(score: Double?, band: HealthBand, measures: [MeasureScore]) {
        self.score = score
        self.band = band
        self.measures = measures
    }

    /// The measures that cost the most points, worst first (unknown ones after the known).
    public var drivers: [MeasureScore] {
        measures.sorted { ($0.pointsLost ?? -1, $1.name) > ($1.pointsLost ?? -1, $0.name) }
    }
}

/// What one measure gave on one day.
public struct MeasureScore: Hashable, Sendable, Codable {
    public var name: String
    /// The aggregate of the metric over the window, `nil` without observations there.
    public var value: Double?
    /// The value normalized to 0–1 between the bad and the good bound.
    public var normalized: Double?
    /// The measure's share of the total weight, 0–1.
    public var share: Double

    public init(name: String, value: Double?, normalized: Double?, share: Double) {
        self.name = name
        self.value = value
        self.normalized = normalized
        self.share = share
    }

    /// The points of 100 this measure did not earn, `nil` when it has no data.
    public var pointsLost: Double? { normalized.map { (1 - $0) * share * 100 } }
}
