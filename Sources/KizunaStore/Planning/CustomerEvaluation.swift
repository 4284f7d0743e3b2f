import KizunaCore

/// What a planning pass works out before it plans, from the customers' signals: each
/// customer's health score, the lifecycle transitions that are due, and the steps of the
/// `when:` plays' triggers. `kizuna plan` and the daemon call the same functions; the
/// daemon calls `reevaluate(customer:…)` when one customer's signals arrive.
public struct CustomerEvaluation: Sendable {
    public var playbooks: [Playbook]
    /// The health model; without one the stored `health` (as imported) is left as it is.
    public var health: HealthModel?
    public var lifecycle: Lifecycle
    /// The team's zone, for customers without their own.
    public var zone: Zone
    public var calendar: BusinessCalendar

    public init(playbooks: [Playbook], health: HealthModel?, lifecycle: Lifecycle, zone: Zone, calendar: BusinessCalendar) {
        self.playbooks = playbooks
        self.health = health
        self.lifecycle = lifecycle
        self.zone = zone
        self.calendar = calendar
    }

    /// What one pass found and recorded.
    public struct Summary: Hashable, Sendable {
        public var scored = 0
        public var stageChanges: [StageChange] = []
        public var triggers: [TriggerOutcome] = []

        public init() {}

        /// The new firings among the trigger steps.
        public var firings: [TriggerFiring] { triggers.compactMap(\.firing) }
    }

    /// Scores, stage changes and trigger steps for every customer (or `only` these), and
    /// records them unless `record` is false (`plan --diff`).
    public func evaluate(on store: Store, now: Instant, only: Set<String>? = nil, record: Bool = true) throws(StoreError) -> Summary {
        var customers = try customers(only, on: store)
        return try evaluate(&customers, on: store, now: now, record: record)
    }

    /// `evaluate(on:now:only:record:)` of `customers`, as read from the store, left as the
    /// evaluation leaves them in the store (their new health and stages): a pass then plans
    /// them without reading every customer again.
    public func evaluate(_ customers: inout [Customer], on store: Store, now: Instant, record: Bool = true) throws(StoreError)
        -> Summary
    {
        try evaluate(&customers, on: store, now: now, chunkSize: customers.count, record: record, shouldStop: { false }) ?? Summary()
    }

    /// `evaluate(on:now:)` over every customer, `chunkSize` customers at a time, each chunk
    /// recorded before the next: a long pass (the daemon's) can stop between chunks, and
    /// returns `nil` when `shouldStop` said so. Customers are evaluated one by one, so the
    /// chunks record what one evaluation would.
    public func evaluate(on store: Store, now: Instant, chunkSize: Int, shouldStop: @Sendable () -> Bool) throws(StoreError) -> Summary? {
        var customers = try store.customers()
        return try evaluate(&customers, on: store, now: now, chunkSize: chunkSize, shouldStop: shouldStop)
    }

    /// `evaluate(on:now:chunkSize:shouldStop:)` of `customers`, as read from the store (every
    /// customer, by id), left as `evaluate(_:on:now:record:)` leaves them. Every customer's
    /// signals are read first, in one pass over each metric's window when they are many
    /// (`reads(for:on:now:shouldStop:)`); `shouldStop` is asked between those reads too. Of
    /// several chunks, when none reads back what it records (`writesAside`), each is recorded
    /// on another thread while the next one is evaluated; a stop waits for that write.
    public func evaluate(
        _ customers: inout [Customer], on store: Store, now: Instant, chunkSize: Int, record: Bool = true,
        shouldStop: @Sendable () -> Bool
    ) throws(StoreError) -> Summary? {
        let reads = try reads(for: customers, on: store, now: now, shouldStop: shouldStop)
        // One chunk has no next one to evaluate meanwhile.
        let aside = record && customers.count > max(1, chunkSize) && writesAside
        var writing: BackgroundResult<Void, StoreError>?
        // Waits for the chunk being recorded, if any; once only.
        func written() throws(StoreError) {
            let pending = writing
            writing = nil
            try pending?.value()
        }
        var summary = Summary()
        do {
            for first in stride(from: 0, to: customers.count, by: max(1, chunkSize)) {
                guard !shouldStop() else {
                    try written()
                    return nil
                }
                let range = first..<min(first + max(1, chunkSize), customers.count)
                var chunk = Array(customers[range])
                let scores = reads.scores.isEmpty ? [] : reads.scores[range]
                let found = try evaluate(
                    &chunk, scores: scores, reads: reads, ofMore: range.count < customers.count, on: store, now: now,
                    record: record && !aside)
                if aside {
                    try written()
                    let scored = health == nil ? [] : Array(scores)
                    writing = BackgroundResult { () throws(StoreError) in
                        try Self.record(found, scores: scored, on: store, now: now)
                        // In a series of writes (a daemon's pass), checkpointed off the writer's path.
                        store.checkpointAfterCommit()
                    }
                }
                customers.replaceSubrange(range, with: chunk)
                summary.scored += found.scored
                summary.stageChanges += found.stageChanges
                summary.triggers += found.triggers
            }
            try written()
        } catch {
            // Not left writing after the pass that started it.
            try? written()
            throw error
        }
        return summary
    }

    /// Whether no chunk of an evaluation reads what it records, so that its writes may go on
    /// while the next chunk is evaluated: no condition reads the `health` series (the scores
    /// recorded) and no trigger reads a checklist (tasks that a churn cancels). What a chunk
    /// reads and writes is its own customers' alone.
    var writesAside: Bool {
        conditionNeeds["health"] == nil && triggerConditions.allSatisfy { $0.expression.checklistPlaybooks.isEmpty }
    }

    /// Records what one chunk's evaluation found, in the order the evaluation would: its
    /// scores (none without a health model), stage changes and trigger steps.
    private static func record(
        _ found: Summary, scores: [(customer: String, day: CivilDate, score: HealthScore)], on store: Store, now: Instant
    ) throws(StoreError) {
        if !scores.isEmpty { try store.record(scores: scores) }
        try store.apply(stageChanges: found.stageChanges, now: now)
        try store.record(steps: found.triggers)
    }

    /// One chunk of an evaluation (`ofMore`: one of several): its `scores` (cut from `reads`)
    /// recorded first, for the conditions that read `health` read them from the store, then
    /// its stage changes and trigger steps, each recorded unless `record` is false.
    private func evaluate(
        _ customers: inout [Customer], scores: ArraySlice<(customer: String, day: CivilDate, score: HealthScore)>, reads: Reads,
        ofMore: Bool, on store: Store, now: Instant, record: Bool
    ) throws(StoreError) -> Summary {
        var summary = Summary()
        if health != nil {
            if record { try store.record(scores: Array(scores)) }
            // One score per customer, in the customers' order.
            for (index, scored) in zip(customers.indices, scores) { customers[index].health = scored.score.score }
            summary.scored = scores.count
        }
        summary.stageChanges = try stageChanges(for: customers, signals: reads.signals, on: store, now: now)
        if record { try store.apply(stageChanges: summary.stageChanges, now: now) }
        customers.apply(summary.stageChanges)
        // A chunk of several reads its own customers' firings, not every customer's.
        let firingsOf = ofMore ? Set(customers.map(\.id)) : Self.idsReadOneByOne(customers)
        summary.triggers = try triggerSteps(for: customers, firingsOf: firingsOf, signals: reads.signals, on: store, now: now)
        if record { try store.record(steps: summary.triggers) }
        return summary
    }

    /// Recomputes the health of every customer (or `only` these) on its day of `now` and
    /// stores it; the number of customers scored (none without a health model).
    @discardableResult
    public func recomputeHealth(on store: Store, now: Instant, only: Set<String>? = nil) throws(StoreError) -> Int {
        guard let health else { return 0 }
        let customers = try customers(only, on: store)
        let (recomputation, since) = scoring(health, for: customers, now: now)
        let signals = try store.signalWindows(since: since, of: customers.map(\.id), withoutEarlier: Set(since.keys))
        let scores = scores(recomputation, since: since, for: customers, signals: signals)
        try store.record(scores: scores)
        return scores.count
    }

    /// Re-evaluates one customer whose data changed (a new signal, a stage set by hand):
    /// its score, stage and triggers, then plans its tasks over `window` as a pass would.
    @discardableResult
    public func reevaluate(customer id: String, on store: Store, window: PlanningWindow, now: Instant) throws(StoreError)
        -> MaterializationResult
    {
        _ = try evaluate(on: store, now: now, only: [id])
        guard let customer = try store.customer(id: id) else { return MaterializationResult() }
        let run = PlanningRun(playbooks: playbooks, zone: zone, calendar: calendar, window: window)
        let completions = try store.completions(
            customers: [id], playbooksDatedByTask: Completions.playbooksDatedByTask(in: playbooks))
        let planner = Planner(
            playbooks: playbooks, teamZone: zone, calendar: calendar, completions: completions,
            firings: Firings(try store.firings(customers: [id])))
        let stored = try store.pendingTaskIDs(customers: [id], startingFrom: window.catchUpFrom, to: window.from)
        let reasons = CancellationReasons(planner: planner, customers: [customer], today: run.today)
        return try store.materialize(
            planned: run.tasks(for: [customer], planner: planner, stored: stored), from: window.catchUpFrom, to: window.to,
            customers: [id], now: now, reasons: reasons.reason)
    }

    /// The earliest instant after `now` at which a time-based lifecycle transition of a stored
    /// customer falls due; `nil` when none can.
    public func nextTransition(on store: Store, after now: Instant) throws(StoreError) -> Instant? {
        guard hasTimedTransitions else { return nil }
        return nextTransition(of: try store.customers(), after: now)
    }

    /// `nextTransition(on:after:)` of `customers`, as the store has them (a pass's, once evaluated).
    public func nextTransition(of customers: [Customer], after now: Instant) -> Instant? {
        guard hasTimedTransitions else { return nil }
        return customers.compactMap { customer in
            lifecycle.nextTransition(for: customer, after: now, zone: customer.zone ?? zone, calendar: calendar)
        }.min()
    }

    /// Whether a transition takes effect after a time in a stage.
    private var hasTimedTransitions: Bool { lifecycle.transitions.contains { $0.after != nil } }

    /// The customers with the ids `only`, or every customer.
    private func customers(_ only: Set<String>?, on store: Store) throws(StoreError) -> [Customer] {
        guard let only else { return try store.customers() }
        return try store.customers(ids: only).values.sorted { $0.id < $1.id }
    }

    /// The ids of `customers` when they are few enough to be read customer by customer
    /// (`Store.fewCustomers`); `nil` when every customer's rows are read in one pass.
    static func idsReadOneByOne(_ customers: [Customer]) -> Set<String>? {
        customers.count < Store.fewCustomers ? Set(customers.map(\.id)) : nil
    }

    /// A recomputation of `model` ready to score `customers` (in their order) at `now`, and the
    /// first instant, in seconds, of each metric it reads.
    func scoring(_ model: HealthModel, for customers: [Customer], now: Instant) -> (HealthRecomputation, since: [String: Int64]) {
        let recomputation = HealthRecomputation(model: model, zoneOfCustomer: customers.map { $0.zone ?? zone }, now: now)
        let windows = recomputation.windows(teamDay: zone.localDateTime(at: now).date, zone: zone)
        return (recomputation, Dictionary(windows.map { ($0.metric, $0.since.secondsSinceEpoch) }, uniquingKeysWith: min))
    }

    /// Each customer's score on its own day of `now`, in the customers' order, from the
    /// observations in `signals` (of the same customers, in the same order) from `since` on
    /// (`scoring(_:for:now:)`). A metric missing from `signals` counts as never observed.
    func scores(
        _ recomputation: HealthRecomputation, since: [String: Int64], for customers: [Customer], signals: SignalWindows
    ) -> [(customer: String, day: CivilDate, score: HealthScore)] {
        var recomputation = recomputation
        for (index, name) in recomputation.metrics.enumerated() {
            guard let metric = signals.metrics[name], let since = since[name] else { continue }
            for (slot, observations) in metric.window.enumerated() {
                for observation in observations where observation.at >= since {
                    recomputation.add(metric: index, slot: slot, value: observation.value, seconds: observation.at)
                }
            }
        }
        return zip(customers, recomputation.scores()).map { customer, scored in (customer.id, scored.day, scored.score) }
    }

    /// The lifecycle's due stage changes.
    func stageChanges(for customers: [Customer], signals: SignalWindows, on store: Store, now: Instant) throws(StoreError)
        -> [StageChange]
    {
        guard !lifecycle.transitions.isEmpty else { return [] }
        // The series each stage's conditions read: a customer's are loaded only when they read any.
        var needs: [String: [String: Int]] = [:]
        for transition in lifecycle.transitions {
            for stage in transition.from {
                needs[stage, default: [:]].merge(transition.when?.expression.seriesNeeds ?? [:], uniquingKeysWith: max)
            }
        }
        let allNeeds = needs.values.reduce(into: [String: Int]()) { $0.merge($1, uniquingKeysWith: max) }
        let checklists = try checklists(readBy: lifecycle.transitions.compactMap(\.when), for: customers, on: store)
        let moving = customers.filter { needs[$0.stage] != nil }
        let days = moving.map { ($0.zone ?? zone).localDateTime(at: now).date }
        // All the series, should the customer move on through stages whose conditions read others.
        let requesting = moving.indices.filter { needs[moving[$0].stage]?.isEmpty == false }
        let requests = requesting.map { SeriesRequest(customer: moving[$0].id, today: days[$0], zone: moving[$0].zone ?? zone) }
        var series = [[String: [SignalPoint]]](repeating: [:], count: moving.count)
        for (index, loaded) in zip(requesting, try store.seriesOfEach(requests, needs: allNeeds, signals: signals)) { series[index] = loaded }
        return moving.indices.flatMap { index in
            let (customer, today, customerZone) = (moving[index], days[index], moving[index].zone ?? zone)
            let signals = series[index]
            let complete = checklists?.complete(for: customer.id) ?? []
            return lifecycle.changes(
                for: customer,
                facts: { CustomerFacts(customer: $0, today: today, zone: customerZone, signals: signals, completeChecklists: complete) },
                now: now, zone: customerZone, calendar: calendar)
        }
    }
}
