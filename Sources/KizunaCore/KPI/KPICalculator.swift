/// Computes the KPIs of a period from the store's history; pure, so every formula is
/// tested on hand-computed data.
public struct KPICalculator: Sendable {
    /// The signal metric whose values are NPS answers.
    public static let npsMetric = "nps"

    public let history: KPIHistory

    public init(history: KPIHistory) {
        self.history = history
    }

    /// The report of `period` with the period before it, bounds in `zone`; task figures stop at `now`
    /// when the period is not over yet.
    public func report(for period: KPIPeriod, zone: Zone, now: Instant) -> KPIReport {
        func entry(_ period: KPIPeriod) -> KPIReport.Entry {
            let (start, end) = period.bounds(in: zone)
            return KPIReport.Entry(period: period, figures: figures(from: start, to: end, now: now))
        }
        return KPIReport(current: entry(period), previous: entry(period.previous))
    }

    /// The KPIs over `[start, end)`. Customer counts at a bound are those before it: a customer
    /// who begins exactly at `start` is won in the period.
    public func figures(from start: Instant, to end: Instant, now: Instant) -> KPIFigures {
        let customers = history.customers
        let atStart = customers.filter { $0.isActive(before: start) }
        let won = customers.filter { $0.won(in: start, end) }
        let losses = customers.compactMap { customer in customer.loss(in: start, end).map { (customer, $0) } }
        let atEnd = customers.count { $0.isActive(before: end) }
        let startRevenue = atStart.reduce(0) { $0 + $1.arr(before: start) }
        let lostRevenue = losses.reduce(0) { $0 + $1.0.arr(before: $1.1) }
        let onboarding = customers.filter { $0.wasOnboarding(in: start, end) }
        let during = atStart + won.filter { !$0.isActive(before: start) }
        let counts = KPIFigures.Customers(atStart: atStart.count, atEnd: atEnd, won: won.count, lost: losses.count)
        return KPIFigures(
            customers: counts,
            customerChurn: .init(Double(losses.count), of: Double(atStart.count)),
            revenueChurn: .init(lostRevenue, of: startRevenue),
            retention: .init(Double(atEnd - won.count), of: Double(atStart.count)),
            onboardingCompletion: .init(Double(onboarding.count { $0.completedOnboarding(in: start, end) }), of: Double(onboarding.count)),
            expansion: .init(Double(during.count { $0.expanded(in: start, end) }), of: Double(during.count)),
            nps: nps(from: start, to: end),
            onTime: onTime(from: start, to: min(end, now)),
            overdueByOwner: overdue(at: min(end, now)))
    }

    /// The latest answer of each customer in `[start, end)`.
    private func nps(from start: Instant, to end: Instant) -> KPIFigures.NPS {
        var latest: [String: NPSAnswer] = [:]
        for answer in history.npsAnswers where answer.at >= start && answer.at < end {
            if let known = latest[answer.customer], known.at > answer.at { continue }
            latest[answer.customer] = answer
        }
        let promoters = latest.values.count { $0.score >= 9 }
        let detractors = latest.values.count { $0.score <= 6 }
        let score = latest.isEmpty ? nil : Double(promoters - detractors) / Double(latest.count) * 100
        return KPIFigures.NPS(respondents: latest.count, promoters: promoters, detractors: detractors, score: score)
    }

    /// Tasks due in `[start, end)` and not skipped or cancelled, and those of them done by their due.
    private func onTime(from start: Instant, to end: Instant) -> KPIFigures.Rate {
        let due = history.tasks.filter { $0.due >= start && $0.due < end && ($0.end == .pending || $0.end == .done) }
        let done = due.count { task in task.end == .done && task.closedAt.map { $0 <= task.due } == true }
        return .init(Double(done), of: Double(due.count))
    }

    /// The tasks that existed at `instant`, were past their due and not closed yet, by owner.
    private func overdue(at instant: Instant) -> [String: Int] {
        var counts: [String: Int] = [:]
        for task in history.tasks where task.due < instant && task.createdAt <= instant {
            if let closed = task.closedAt, closed < instant { continue }
            counts[task.owner, default: 0] += 1
        }
        return counts
    }
}
