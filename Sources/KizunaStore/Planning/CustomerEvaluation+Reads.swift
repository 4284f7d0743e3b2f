import KizunaCore

extension CustomerEvaluation {
    /// What an evaluation reads of all its customers at once, before it evaluates and records
    /// them chunk by chunk: their scores (from the signals the health model reads) and the
    /// signals the conditions read, but for `health`, which the scores it records make.
    struct Reads: Sendable {
        /// One score per customer, in the customers' order; none without a health model.
        var scores: [(customer: String, day: CivilDate, score: HealthScore)]
        var signals: SignalWindows
    }

    /// The reads of `customers` at `now`: each metric that the scores or the conditions read
    /// is read once, from the earlier of their windows' starts (`Store.signalWindows`), and the
    /// scores are worked out from what was read. Once `shouldStop` turns true no further metric
    /// is read, and what was read is incomplete.
    func reads(for customers: [Customer], on store: Store, now: Instant, shouldStop: @Sendable () -> Bool) throws(StoreError) -> Reads {
        let conditions = Self.windowStarts(of: conditionNeeds, now: now)
        let health = self.health.map { scoring($0, for: customers, now: now) }
        let scored = health?.since ?? [:]
        let signals = try store.signalWindows(
            since: conditions.merging(scored, uniquingKeysWith: min), of: customers.map(\.id),
            withoutEarlier: Set(scored.keys).subtracting(conditions.keys), shouldStop: shouldStop)
        return Reads(scores: health.map { scores($0.0, since: $0.since, for: customers, signals: signals) } ?? [], signals: signals)
    }

    /// The series the lifecycle's and the triggers' conditions read (metric → days of history).
    var conditionNeeds: [String: Int] {
        Self.seriesNeeds(of: lifecycle.transitions.compactMap(\.when) + triggerConditions)
    }

    /// The series `conditions` read (metric → the most days of history any of them reads).
    static func seriesNeeds(of conditions: [Condition]) -> [String: Int] {
        conditions.reduce(into: [String: Int]()) { $0.merge($1.expression.seriesNeeds, uniquingKeysWith: max) }
    }

    /// The conditions of the `when:` plays, in the playbooks' order.
    var triggerConditions: [Condition] {
        playbooks.compactMap { playbook in if case .condition(let condition, _) = playbook.trigger { condition } else { nil } }
    }

    /// The first instant, in seconds, of each signal series of `needs` (no `health`) that a
    /// condition can read at `now`, whatever the zone: the start of the day `days` before
    /// today in any zone is less than `days + 1` days and a daylight-saving hour before `now`.
    static func windowStarts(of needs: [String: Int], now: Instant) -> [String: Int64] {
        needs.filter { $0.key != "health" }.mapValues { days in now.secondsSinceEpoch - Int64(days + 2) * 86_400 }
    }
}
