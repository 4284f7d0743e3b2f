/// Scores many customers from their observations, as `HealthModel.score(series:on:)` scores
/// each from its series, without making the series: each observation is added to the tallies
/// of the measures whose window holds its date in the customer's zone.
public struct HealthRecomputation: Sendable {
    public let model: HealthModel
    /// The metrics the measures read, in the order `add` numbers them.
    public let metrics: [String]
    /// Each customer's zone, as an index into `zones`.
    private let zoneOfSlot: [Int]
    private var zones: [ZoneDates]
    /// By zone: the day number of today there, and of the day before each measure's window.
    private let todays: [Int]
    private let windowStarts: [[Int]]
    private let measuresOfMetric: [[Int]]
    /// `measures.count` tallies per customer, customer by customer.
    private var tallies: [MeasureTally]

    /// Ready to score customers in the zones `zoneOfCustomer`, one per customer: each on its
    /// day of `now` in its zone.
    public init(model: HealthModel, zoneOfCustomer: [Zone], now: Instant) {
        self.model = model
        var metrics: [String] = []
        for measure in model.measures where !metrics.contains(measure.metric) { metrics.append(measure.metric) }
        self.metrics = metrics
        measuresOfMetric = metrics.map { metric in model.measures.indices.filter { model.measures[$0].metric == metric } }
        var zoneIndex: [Zone: Int] = [:]
        zoneOfSlot = zoneOfCustomer.map { zone in
            let index = zoneIndex[zone] ?? zoneIndex.count
            zoneIndex[zone] = index
            return index
        }
        let zones = zoneIndex.sorted { $0.value < $1.value }.map(\.key)
        self.zones = zones.map(ZoneDates.init)
        let todays = zones.map { $0.localDateTime(at: now).date }
        self.todays = todays.map(\.dayNumber)
        windowStarts = todays.map { today in model.measures.map { $0.window.windowStart(endingOn: today).dayNumber } }
        tallies = Array(repeating: MeasureTally(), count: zoneOfCustomer.count * model.measures.count)
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

    /// Adds one observation of `metrics[metric]` of the customer at `slot` (its position in
    /// the list given); those of each customer and metric come in ascending order.
    public mutating func add(metric: Int, slot: Int, value: Double, seconds: Int64) {
        let zone = zoneOfSlot[slot]
        let day = zones[zone].dayNumber(atSeconds: seconds)
        guard day <= todays[zone] else { return }
        let base = slot * model.measures.count
        for measure in measuresOfMetric[metric] where day > windowStarts[zone][measure] {
            tallies[base + measure].add(value)
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
