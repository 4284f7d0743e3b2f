/// Scores many customers from one stream of their observations, as `HealthModel.score(series:on:)`
/// scores each from its series, without collecting the series: each observation is added to
/// the tallies of the measures whose window holds its date in the customer's zone.
public struct HealthRecomputation: Sendable {
    public let model: HealthModel
    /// The metrics the measures read, in the order `add` numbers them.
    public let metrics: [String]
    private var slots: CustomerSlots
    /// Each customer's zone, as an index into `zones`.
    private let zoneOfSlot: [Int]
    private var zones: [ZoneDates]
    /// By zone: the day number of today there, and of the day before each measure's window.
    private let todays: [Int]
    private let windowStarts: [[Int]]
    private let measuresOfMetric: [[Int]]
    /// `measures.count` tallies per customer, customer by customer.
    private var tallies: [MeasureTally]

    /// Ready to score `customers` (distinct ids, fastest in the store's order), each on its
    /// day of `now` in its zone.
    public init(model: HealthModel, customers: [(id: String, zone: Zone)], now: Instant) {
        self.model = model
        var metrics: [String] = []
        for measure in model.measures where !metrics.contains(measure.metric) { metrics.append(measure.metric) }
        self.metrics = metrics
        measuresOfMetric = metrics.map { metric in model.measures.indices.filter { model.measures[$0].metric == metric } }
        var zoneIndex: [Zone: Int] = [:]
        slots = CustomerSlots(customers.map(\.id))
        zoneOfSlot = customers.map { customer in
            let index = zoneIndex[customer.zone] ?? zoneIndex.count
            zoneIndex[customer.zone] = index
            return index
        }
        let zones = zoneIndex.sorted { $0.value < $1.value }.map(\.key)
        self.zones = zones.map(ZoneDates.init)
        let todays = zones.map { $0.localDateTime(at: now).date }
        self.todays = todays.map(\.dayNumber)
        windowStarts = todays.map { today in model.measures.map { $0.window.windowStart(endingOn: today).dayNumber } }
        tallies = Array(repeating: MeasureTally(), count: customers.count * model.measures.count)
    }

    /// The first instant of each metric's observations the scores can read when the team's
    /// day is `today` in `zone`, in the order of `metrics`; a day's margin covers customers
    /// whose zone is ahead of or behind the team's.
    public func windows(teamDay today: CivilDate, zone: Zone) -> [(metric: String, since: Instant)] {
        metrics.map { metric in
            let earliest = model.measures.filter { $0.metric == metric }.map { $0.window.windowStart(endingOn: today) }.min() ?? today
            return (metric, zone.instant(for: LocalDateTime(date: earliest.adding(days: -1))))
        }
    }

    /// Adds one observation of `metrics[metric]`; those of each customer and metric come in
    /// ascending order. Customers not being scored are ignored.
    public mutating func add(metric: Int, customer: String, value: Double, seconds: Int64) {
        guard let slot = slots.slot(of: customer) else { return }
        let zone = zoneOfSlot[slot]
        let day = zones[zone].dayNumber(atSeconds: seconds)
        guard day <= todays[zone] else { return }
        let base = slot * model.measures.count
        for measure in measuresOfMetric[metric] where day > windowStarts[zone][measure] {
            tallies[base + measure].add(value)
        }
    }

    /// Takes the tallies of the measures of `metrics` (indices into `metrics`) from `other`,
    /// a copy that added those metrics' observations while this one added the others'.
    public mutating func merge(_ other: HealthRecomputation, metrics: [Int]) {
        let count = model.measures.count
        let measures = metrics.flatMap { measuresOfMetric[$0] }
        for slot in zoneOfSlot.indices {
            for measure in measures { tallies[slot * count + measure] = other.tallies[slot * count + measure] }
        }
    }

    /// Each customer's score, in the order given, with its day.
    public func scores() -> [(day: CivilDate, score: HealthScore)] {
        let count = model.measures.count
        return zoneOfSlot.indices.map { slot in
            let zone = zoneOfSlot[slot]
            let values = model.measures.indices.map { measure in
                tallies[slot * count + measure].value(model.measures[measure].aggregate, days: todays[zone] - windowStarts[zone][measure])
            }
            return (CivilDate(dayNumber: todays[zone]), model.score(values: values))
        }
    }
}
