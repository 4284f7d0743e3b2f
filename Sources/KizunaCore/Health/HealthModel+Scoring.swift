extension HealthModel {
    /// The health of one customer on `today`, from its observations by metric (each
    /// ascending by date). A pure function: the store supplies the series, a test a literal.
    ///
    /// Each measure aggregates the observations in its window, the days after
    /// `window` before today up to today (observations after today are ignored),
    /// normalizes the aggregate between its bounds (clamped to 0–1), and weighs it. The
    /// score is the weighted mean of the measures with data, times 100; it is unknown when
    /// they carry less than `coverage` of the total weight.
    public func score(series: [String: [SignalPoint]], on today: CivilDate) -> HealthScore {
        score(values: measures.map { $0.value(of: series[$0.metric] ?? [], on: today) })
    }

    /// The score from each measure's aggregate (`values`, in the order of `measures`, `nil`
    /// for a measure without observations in its window).
    public func score(values: [Double?]) -> HealthScore {
        let total = totalWeight
        var earned = 0.0
        var known = 0.0
        let parts = zip(measures, values).map { measure, value in
            let normalized = value.map(measure.normalize)
            if let normalized {
                earned += normalized * measure.weight
                known += measure.weight
            }
            return MeasureScore(name: measure.name, value: value, normalized: normalized, share: total > 0 ? measure.weight / total : 0)
        }
        guard total > 0, known > 0, known / total >= coverage - 1e-9 else {
            return HealthScore(score: nil, band: .unknown, measures: parts)
        }
        let score = (earned / known * 100 * 10).rounded() / 10
        return HealthScore(score: score, band: bands.band(of: score), measures: parts)
    }

    /// How many days before `today` the model reads: the longest window.
    public func lookback(from today: CivilDate) -> CivilDate {
        measures.map { $0.window.windowStart(endingOn: today) }.min() ?? today
    }
}

extension HealthMeasure {
    /// The aggregate of `points` (ascending) over the window ending on `today`, `nil` when
    /// none falls in it.
    public func value(of points: [SignalPoint], on today: CivilDate) -> Double? {
        let start = window.windowStart(endingOn: today)
        // Points are ascending: find the end, then walk back to the window's start.
        var end = points.count
        while end > 0, points[end - 1].date > today { end -= 1 }
        var first = end
        while first > 0, points[first - 1].date > start { first -= 1 }
        var tally = MeasureTally()
        for point in points[first..<end] { tally.add(point.value) }
        return tally.value(aggregate, days: today.dayNumber - start.dayNumber)
    }

    /// `value` placed between the bad (0) and the good (1) bound, clamped.
    func normalize(_ value: Double) -> Double {
        min(1, max(0, (value - bad) / (good - bad)))
    }
}

extension CalendarSpan {
    /// The day before a window of this length ending on `today` starts: the window holds
    /// the days after it, up to and including `today`. Months count on the calendar
    /// (`1 month` before March 31 is February's last day); other units as days.
    public func windowStart(endingOn today: CivilDate) -> CivilDate {
        switch unit {
        case .month: today.adding(months: -amount)
        case .quarter: today.adding(months: -3 * amount)
        case .year: today.adding(months: -12 * amount)
        case .week: today.adding(days: -7 * amount)
        default: today.adding(days: -amount)
        }
    }
}
