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
        try read { db in
            guard requests.count >= Self.fewCustomers else {
                return try Dictionary(
                    requests.map { ($0.customer, try series(customer: $0.customer, needs: needs, today: $0.today, zone: $0.zone, in: db)) },
                    uniquingKeysWith: { first, _ in first })
            }
            var loaded = [[String: [SignalPoint]]](repeating: [:], count: requests.count)
            for (name, days) in needs {
                let points =
                    name == "health"
                    ? try healthSeries(of: requests, days: days, in: db) : try signalSeries(name, of: requests, days: days, in: db)
                for index in requests.indices { loaded[index][name] = points[index] }
            }
            return Dictionary(zip(requests.map(\.customer), loaded), uniquingKeysWith: { first, _ in first })
        }
    }

    /// One metric's observations of each request from the start of the day `days` before its
    /// day, with the observation before that: one range of the `signals_by_metric` index from
    /// the earliest start, then, for the customers without an observation in it before their
    /// start, the latest one before.
    private func signalSeries(_ metric: String, of requests: [SeriesRequest], days: Int, in db: Database) throws -> [[SignalPoint]] {
        var starts: [LocalDateTime: [Zone: Int64]] = [:]
        let start = requests.map { request in
            let since = LocalDateTime(date: request.today.adding(days: -days))
            if let known = starts[since]?[request.zone] { return known }
            let instant = request.zone.instant(for: since).secondsSinceEpoch
            starts[since, default: [:]][request.zone] = instant
            return instant
        }
        var slots = CustomerSlots(requests.map(\.customer))
        var window = [[(value: Double, at: Int64)]](repeating: [], count: requests.count)
        var before = [(value: Double, at: Int64)?](repeating: nil, count: requests.count)
        let earliest = start.min() ?? 0
        try forEachSignal(of: metric, since: earliest, in: db) { customer, value, at in
            guard let slot = slots.slot(of: customer) else { return }
            if at >= start[slot] { window[slot].append((value, at)) } else { before[slot] = (value, at) }
        }
        let missing = requests.indices.filter { before[$0] == nil }.map { requests[$0].customer }
        let latest = try Row.fetchCursor(
            db.cachedStatement(
                sql: """
                    SELECT j.value, s.value, s.at FROM json_each(?) AS j CROSS JOIN signals AS s INDEXED BY signals_by_metric
                    WHERE s.metric = ? AND s.customer = j.value
                        AND s.at = (SELECT max(at) FROM signals WHERE customer = j.value AND metric = ? AND at < ?)
                    """),
            arguments: [JSONColumn.encode(missing), metric, metric, earliest])
        while let row = try latest.next() {
            if let slot = slots.slot(of: row[0]) { before[slot] = (row[1], row[2]) }
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

    /// Each request's stored scores from the day `days` before its day, with the one before.
    private func healthSeries(of requests: [SeriesRequest], days: Int, in db: Database) throws -> [[SignalPoint]] {
        try requests.map { try healthSeries(customer: $0.customer, since: $0.today.adding(days: -days), in: db) }
    }
}
