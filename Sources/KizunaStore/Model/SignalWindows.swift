import KizunaCore

/// The observations of some metrics from an instant on (each metric its own), of each of a
/// list of customers, with each one's latest observation before that instant: read from the
/// store once, then cut into the series of any request whose window starts no earlier,
/// without the store. A metric not held (never observed) has empty series.
struct SignalWindows: Sendable {
    struct Observation: Sendable {
        var value: Double
        var at: Int64
    }

    /// One metric's observations, by customer slot, ascending.
    struct Metric: Sendable {
        /// The first instant `window` holds, in seconds.
        var since: Int64
        var window: [[Observation]]
        var before: [Observation?]

        init(since: Int64, customers: Int) {
            self.since = since
            window = Array(repeating: [], count: customers)
            before = Array(repeating: nil, count: customers)
        }

        /// The observations of `parts`, read one after the other in ascending order, laid out
        /// by customer, each customer's in one allocation; the first part's `before`.
        init(since: Int64, customers: Int, rows parts: [Rows]) {
            self.init(since: since, customers: customers)
            var counts = [Int](repeating: 0, count: customers)
            for part in parts {
                for slot in part.slots { counts[Int(slot)] += 1 }
            }
            for slot in counts.indices where counts[slot] > 0 { window[slot].reserveCapacity(counts[slot]) }
            for part in parts {
                for (slot, observation) in zip(part.slots, part.observations) { window[Int(slot)].append(observation) }
            }
            if let before = parts.first?.before { self.before = before }
        }
    }

    /// One metric's observations as a range of the store's rows is read: in ascending order,
    /// each with its customer's slot.
    struct Rows: Sendable {
        /// The first instant read, in seconds.
        var since: Int64
        var slots: [Int32] = []
        var observations: [Observation] = []
        /// Each customer's latest observation before `since`, when read.
        var before: [Observation?]?

        init(since: Int64) {
            self.since = since
        }
    }

    private(set) var slots: CustomerSlots
    var metrics: [String: Metric] = [:]

    init(customers: [String]) {
        slots = CustomerSlots(customers)
    }

    /// The series of `needs` (metric → days of history, no `health`) of each request, in
    /// order: the observations from the start of the day `days` before the request's day in
    /// its zone, with the one before, dated in that zone. Each window must start no earlier
    /// than the metric's `since`, and each request's customer be one of the list.
    func series(of requests: [SeriesRequest], needs: [String: Int]) -> [[String: [SignalPoint]]] {
        var slots = slots
        var starts: [LocalDateTime: [Zone: Int64]] = [:]
        var dates: [Zone: ZoneDates] = [:]
        return requests.map { request in
            guard let slot = slots.slot(of: request.customer) else { return needs.mapValues { _ in [] } }
            var reader = dates[request.zone] ?? ZoneDates(request.zone)
            defer { dates[request.zone] = reader }
            return needs.reduce(into: [String: [SignalPoint]]()) { series, need in
                guard let metric = metrics[need.key] else { return series[need.key] = [] }
                let since = LocalDateTime(date: request.today.adding(days: -need.value))
                let start = starts[since]?[request.zone] ?? request.zone.instant(for: since).secondsSinceEpoch
                starts[since, default: [:]][request.zone] = start
                assert(start >= metric.since, "a window starting before what was read")
                let window = metric.window[slot]
                let first = window.firstIndex { $0.at >= start } ?? window.endIndex
                let before = first > window.startIndex ? window[first - 1] : metric.before[slot]
                series[need.key] = ((before.map { [$0] } ?? []) + window[first...]).map { observation in
                    SignalPoint(date: reader.date(atSeconds: observation.at), value: observation.value)
                }
            }
        }
    }
}
