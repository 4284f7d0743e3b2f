import GRDB
import KizunaCore

/// Whose series a bulk load reads: a customer, its day and the zone its dates are read in.
public struct SeriesRequest: Hashable, Sendable {
    public var customer: String
    public var today: CivilDate
    public var zone: Zone

    public init(customer: String, today: CivilDate, zone: Zone) {
        self.customer = customer
        self.today = today
        self.zone = zone
    }
}

extension Store {
    /// Fewer customers than this are read customer by customer, through their keys; more, in
    /// one pass over every customer's rows, whose cost does not grow with their number.
    public static let fewCustomers = 1_000

    /// `series(customer:needs:today:zone:)` of every request (distinct customers), by
    /// customer, every need present (empty without observations). Many customers are read
    /// in one pass over each metric's window; a few, customer by customer (`fewCustomers`).
    public func series(of requests: [SeriesRequest], needs: [String: Int]) throws(StoreError) -> [String: [String: [SignalPoint]]] {
        Dictionary(zip(requests.map(\.customer), try seriesOfEach(requests, needs: needs)), uniquingKeysWith: { first, _ in first })
    }

    /// `series(of:needs:)` in the order of `requests`: what an evaluation that holds its
    /// customers in a list reads, without hashing every id into a dictionary and out again.
    func seriesOfEach(_ requests: [SeriesRequest], needs: [String: Int]) throws(StoreError) -> [[String: [SignalPoint]]] {
        // Each metric from the earliest start of a request's window.
        let since = needs.filter { $0.key != "health" }.mapValues { days in
            requests.map { $0.zone.instant(for: LocalDateTime(date: $0.today.adding(days: -days))).secondsSinceEpoch }.min() ?? 0
        }
        let signals = try signalWindows(since: since, of: requests.map(\.customer))
        return try seriesOfEach(requests, needs: needs, signals: signals)
    }

    /// `seriesOfEach(_:needs:)` with the signals cut from `signals` (read before, with every
    /// metric of `needs` but `health`); only the `health` series, the stored scores, are read.
    func seriesOfEach(_ requests: [SeriesRequest], needs: [String: Int], signals: SignalWindows) throws(StoreError)
        -> [[String: [SignalPoint]]]
    {
        var loaded = signals.series(of: requests, needs: needs.filter { $0.key != "health" })
        guard let days = needs["health"] else { return loaded }
        let health = try read { db in
            try requests.map { try healthSeries(customer: $0.customer, since: $0.today.adding(days: -days), in: db) }
        }
        for index in loaded.indices { loaded[index]["health"] = health[index] }
        return loaded
    }

    /// The observations of each metric of `since` (metric → first instant, in seconds; no
    /// `health`) of each of `customers` (distinct ids), with each one's latest before, but
    /// for the metrics of `withoutEarlier` (which only scores read). Many customers are read
    /// in one pass over each metric's window, its earlier and its later half at once on both
    /// cores; a few, customer by customer (`fewCustomers`), on this thread. Once `shouldStop`
    /// turns true no further metric is read.
    func signalWindows(
        since: [String: Int64], of customers: [String], withoutEarlier: Set<String> = [], shouldStop: @Sendable () -> Bool = { false }
    ) throws(StoreError) -> SignalWindows {
        var windows = SignalWindows(customers: customers)
        let metrics = since.sorted { $0.key < $1.key }
        guard customers.count >= Self.fewCustomers else {
            try read { db in
                for (name, since) in metrics where !shouldStop() {
                    // A metric without a single observation has empty series: nothing to read of it.
                    guard try Self.isObserved(name, before: .max, in: db) else { continue }
                    windows.metrics[name] = try metricOfEach(name, since: since, of: customers, in: db)
                }
            }
            return windows
        }
        // Each observed metric's window cut in two at the middle of its span up to its latest
        // observation: the halves hold about as many rows when a metric is observed steadily.
        let middles = try read { db in
            try metrics.reduce(into: [String: Int64]()) { middles, metric in
                guard let latest = try Self.latestInstant(of: metric.key, in: db) else { return }
                middles[metric.key] = metric.value + max(0, latest - metric.value) / 2 + 1
            }
        }
        let slots = windows.slots
        var halves = [false, true].parallelMap { later -> Result<[String: SignalWindows.Rows], StoreError> in
            Result { () throws(StoreError) in
                try read { db in
                    var read: [String: SignalWindows.Rows] = [:]
                    for (name, since) in metrics where !shouldStop() {
                        guard let middle = middles[name] else { continue }
                        read[name] =
                            later
                            ? try rows(of: name, since: middle, slots: slots, earlier: false, in: db)
                            : try rows(of: name, since: since, before: middle, slots: slots, earlier: !withoutEarlier.contains(name), in: db)
                    }
                    return read
                }
            }
        }
        // Each half's rows laid out by customer once both are read, the earlier half first.
        let later = try halves.removeLast().get()
        let earlier = try halves.removeLast().get()
        for (name, head) in earlier {
            guard let tail = later[name] else { continue }
            windows.metrics[name] = SignalWindows.Metric(since: head.since, customers: customers.count, rows: [head, tail])
        }
        return windows
    }

    /// One metric's observations of each customer from `since` on, with the one before:
    /// customer by customer, each a range of the (customer, metric, at) key.
    private func metricOfEach(_ name: String, since: Int64, of customers: [String], in db: Database) throws -> SignalWindows.Metric {
        var metric = SignalWindows.Metric(since: since, customers: customers.count)
        let statement = try db.cachedStatement(
            sql: """
                SELECT value, at FROM signals \(Self.byCustomer)
                WHERE customer = ? AND metric = ? AND at >= coalesce(
                    (SELECT max(at) FROM signals WHERE customer = ? AND metric = ? AND at < ?), ?)
                ORDER BY at
                """)
        for (slot, customer) in customers.enumerated() {
            let rows = try Row.fetchCursor(statement, arguments: [customer, name, customer, name, since, since])
            while let row = try rows.next() {
                let observation = SignalWindows.Observation(value: row[0], at: row[1])
                if observation.at < since { metric.before[slot] = observation } else { metric.window[slot].append(observation) }
            }
        }
        return metric
    }

    /// One metric's observations of every customer of `slots` from `since` on, before `end`,
    /// in one range of the `signals_by_metric` index, as read, with each one's latest before
    /// `since` when `earlier` (`latestBefore`).
    private func rows(
        of name: String, since: Int64, before end: Int64 = .max, slots: CustomerSlots, earlier: Bool, in db: Database
    ) throws -> SignalWindows.Rows {
        var slots = slots
        var rows = SignalWindows.Rows(since: since)
        try forEachSignal(of: name, since: since, before: end, slots: &slots, in: db) { slot, value, at in
            rows.slots.append(Int32(slot))
            rows.observations.append(SignalWindows.Observation(value: value, at: at))
        }
        if earlier { rows.before = try latestBefore(since, of: name, slots: slots, in: db) }
        return rows
    }

    /// The latest observation of `metric` before `seconds` of each customer of `slots`. The
    /// ranges of the `signals_by_metric` index just before are read first, a day, then each
    /// range twice as long as the one after it, while many customers lack one (most customers
    /// of a metric observed daily have one the day before); the last few are looked up one by
    /// one. Nothing is read once the metric has no earlier observation.
    private func latestBefore(_ seconds: Int64, of metric: String, slots: CustomerSlots, in db: Database) throws
        -> [SignalWindows.Observation?]
    {
        var slots = slots
        var before = [SignalWindows.Observation?](repeating: nil, count: slots.ids.count)
        var (end, span) = (seconds, Int64(86_400))
        var missing = Array(slots.ids.indices)
        while !missing.isEmpty, try Self.isObserved(metric, before: end, in: db) {
            guard missing.count >= Self.fewCustomers else {
                for (customer, value, at) in try latestObservations(of: metric, before: end, for: missing.map { slots.ids[$0] }, in: db) {
                    if let slot = slots.slot(of: customer) { before[slot] = SignalWindows.Observation(value: value, at: at) }
                }
                break
            }
            let from = end > Int64.min + span ? end - span : Int64.min
            // Ascending: the last one of a customer in the range is its latest, unless a later range had one.
            try forEachSignal(of: metric, since: from, before: end, slots: &slots, in: db) { slot, value, at in
                guard before[slot].map({ $0.at < end }) ?? true else { return }
                before[slot] = SignalWindows.Observation(value: value, at: at)
            }
            missing = missing.filter { before[$0] == nil }
            (end, span) = (from, span < Int64.max / 2 ? span * 2 : span)
        }
        return before
    }

    /// The instant, in seconds, of the latest observation of `metric`; `nil` when the store
    /// holds none: one step into `signals_by_metric`.
    static func latestInstant(of metric: String, in db: Database) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT max(at) FROM signals WHERE metric = ?"), arguments: [metric])
    }

    /// Whether the store holds an observation of `metric` before `seconds`: one step into
    /// `signals_by_metric`.
    static func isObserved(_ metric: String, before seconds: Int64, in db: Database) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM signals WHERE metric = ? AND at < ?)"), arguments: [metric, seconds])
            == true
    }

    /// The latest observation of `metric` before `seconds` of each of `customers` that has one.
    private func latestObservations(of metric: String, before seconds: Int64, for customers: [String], in db: Database) throws
        -> [(customer: String, value: Double, at: Int64)]
    {
        guard !customers.isEmpty else { return [] }
        return try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT j.value, s.value, s.at FROM json_each(?) AS j CROSS JOIN signals AS s INDEXED BY signals_by_metric
                    WHERE s.metric = ? AND s.customer = j.value
                        AND s.at = (SELECT max(at) FROM signals WHERE customer = j.value AND metric = ? AND at < ?)
                    """),
            arguments: [JSONColumn.encode(customers), metric, metric, seconds]
        ).map { row in (row[0], row[1], row[2]) }
    }
}
