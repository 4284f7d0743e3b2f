extension HealthModel {
    /// The metrics signals may carry and conditions may name: the model's `metrics`, else
    /// the metrics its measures read.
    public var knownMetrics: Set<String> { metrics ?? Set(measures.map(\.metric)) }
}
