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
        try read { db in
            // A metric without a single observation has empty series: nothing to read of it.
            var unobserved: [String: [SignalPoint]] = [:]
            for name in needs.keys where name != "health" {
                if try !Self.isObserved(name, in: db) { unobserved[name] = [] }
            }
            let observed = needs.filter { unobserved[$0.key] == nil }
            var loaded = [[String: [SignalPoint]]](repeating: unobserved, count: requests.count)
            guard !observed.isEmpty else { return loaded }
            guard requests.count >= Self.fewCustomers else {
                for (index, request) in requests.enumerated() {
                    let series = try series(customer: request.customer, needs: observed, today: request.today, zone: request.zone, in: db)
                    loaded[index].merge(series, uniquingKeysWith: { _, read in read })
                }
                return loaded
            }
            let slots = CustomerSlots(requests.map(\.customer))
            for (name, days) in observed {
                let points =
                    name == "health"
                    ? try healthSeries(of: requests, days: days, in: db)
                    : try signalSeries(name, of: requests, slots: slots, days: days, in: db)
                for index in requests.indices { loaded[index][name] = points[index] }
            }
            return loaded
        }
    }

    /// One metric's observations of each request from the start of the day `days` before its
    /// day, with the observation before that: one range of the `signals_by_metric` index from
    /// the earliest start, then, for the customers without an observation in it before their
    /// start, the latest one before.
    private func signalSeries(_ metric: String, of requests: [SeriesRequest], slots: CustomerSlots, days: Int, in db: Database) throws
        -> [[SignalPoint]]
    {
        var starts: [LocalDateTime: [Zone: Int64]] = [:]
        let start = requests.map { request in
            let since = LocalDateTime(date: request.today.adding(days: -days))
            if let known = starts[since]?[request.zone] { return known }
            let instant = request.zone.instant(for: since).secondsSinceEpoch
            starts[since, default: [:]][request.zone] = instant
            return instant
        }
        var slots = slots
        var window = [[(value: Double, at: Int64)]](repeating: [], count: requests.count)
        var before = [(value: Double, at: Int64)?](repeating: nil, count: requests.count)
        let earliest = start.min() ?? 0
        try forEachSignal(of: metric, since: earliest, in: db) { customer, value, at in
            guard let slot = slots.slot(of: customer) else { return }
            if at >= start[slot] { window[slot].append((value, at)) } else { before[slot] = (value, at) }
        }
        let missing = requests.indices.filter { before[$0] == nil }.map { requests[$0].customer }
        for (customer, value, at) in try latestObservations(of: metric, before: earliest, for: missing, in: db) {
            if let slot = slots.slot(of: customer) { before[slot] = (value, at) }
        }
        var dates: [Zone: ZoneDates] = [:]
        return requests.indices.map { slot in
            let zone = requests[slot].zone
            var reader = dates[zone] ?? ZoneDates(zone)
            defer { dates[zone] = reader }
            return ((before[slot].map { [$0] } ?? []) + window[slot]).map { row in
                SignalPoint(date: reader.date(atSeconds: row.at), value: row.value)
            }
        }
    }

    /// Whether the store holds any observation of `metric`: one step into `signals_by_metric`.
    static func isObserved(_ metric: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM signals WHERE metric = ?)"), arguments: [metric]) == true
    }

    /// The latest observation of `metric` before `seconds` of each of `customers` that has one.
    /// None has one when the metric has none so early (a store whose signals began lately):
    /// that is checked first, through the index, rather than asked of every customer.
    private func latestObservations(of metric: String, before seconds: Int64, for customers: [String], in db: Database) throws
        -> [(customer: String, value: Double, at: Int64)]
    {
        let earlier = try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM signals WHERE metric = ? AND at < ?)"), arguments: [metric, seconds])
        guard earlier == true, !customers.isEmpty else { return [] }
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

    /// Each request's stored scores from the day `days` before its day, with the one before.
    private func healthSeries(of requests: [SeriesRequest], days: Int, in db: Database) throws -> [[SignalPoint]] {
        try requests.map { try healthSeries(customer: $0.customer, since: $0.today.adding(days: -days), in: db) }
    }
}
