import KizunaCore
import KizunaStore
import Testing

/// Many customers' series and scores are read in one pass over each metric; a few customer
/// by customer. Both must give the same series, scores, stage changes and triggers: on a
/// store of 1,200 customers in zones east and west of the team's, with windows crossing the
/// autumn DST changes and customers without signals.
@Suite("Bulk evaluation") struct BulkEvaluationTests {
    static let team = Zone.named("America/New_York")!
    static let zones: [Zone?] = [nil, Zone.named("Asia/Tokyo")!, Zone.named("America/Los_Angeles")!, Zone.named("Europe/London")!]
    /// 2026-11-10T09:30 in New York: the 28-day windows hold both November 1 (US) and October 25 (EU).
    static let now = Instant(iso8601: "2026-11-10T09:30:00-05:00", defaultZone: .utc)!
    static let customerCount = 1_200

    static let playbook = try! PlaybookLoader.load(
        file: "usage-drop.yaml",
        text: """
            kizuna: 1
            playbook: usage-drop
            title: Usage dropped
            when: pct_change(logins, 28 days) <= -20 or change(tickets, 14 days) >= 2 or nps <= 6
            cooldown: 14 days
            task:
              title: "Call {{ customer.name }}"
              due: within 1 day
            """)
    static let model = HealthModel(measures: [
        HealthMeasure(name: "logins", metric: "logins", aggregate: .perWeek, window: CalendarSpan(28, .day), bad: 0, good: 20, weight: 2),
        HealthMeasure(name: "busiest", metric: "logins", aggregate: .max, window: CalendarSpan(1, .week), bad: 0, good: 10, weight: 1),
        HealthMeasure(name: "tickets", metric: "tickets", aggregate: .latest, window: CalendarSpan(1, .month), bad: 6, good: 0, weight: 1),
        HealthMeasure(name: "nps", metric: "nps", aggregate: .average, window: CalendarSpan(180, .day), bad: 0, good: 10, weight: 1),
    ])
    static let lifecycle = Lifecycle(
        stages: Lifecycle.standard.stages,
        transitions: [
            StageTransition(
                from: ["onboarding"], to: "adoption", when: try! Condition(parsing: "tickets <= 1 and change(logins, 7 days) >= 0"))
        ])

    let evaluation = CustomerEvaluation(playbooks: [playbook], health: model, lifecycle: lifecycle, zone: team, calendar: .standard)

    /// Every fifth customer has no signals; the others log in most days at an hour that
    /// moves around midnight, file tickets every nine days and answer NPS twice.
    static func fill(_ store: Store) throws {
        let customers = (0..<customerCount).map { index in
            Customer(
                id: "c\(index)", name: "Customer \(index)", csm: "aiko", stage: index % 3 == 0 ? "onboarding" : "adoption",
                stageEntered: now.adding(seconds: -86_400 * 40), zone: zones[index % zones.count])
        }
        try store.upsert(customers: customers, at: now.adding(seconds: -86_400 * 40))
        var signals: [Signal] = []
        for index in 0..<customerCount where index % 5 != 0 {
            for day in 1...60 {
                let at = now.adding(seconds: -Int64(day) * 86_400 + Int64((index * 7 + day * 5) % 24 - 12) * 3_600)
                if (index + day) % 4 != 0 {
                    signals.append(Signal(customer: "c\(index)", metric: "logins", value: Double((index + day * 3) % 13), instant: at))
                }
                if (index + day) % 9 == 0 {
                    signals.append(Signal(customer: "c\(index)", metric: "tickets", value: Double((index * day) % 5), instant: at))
                }
                if day % 50 == index % 50 || day == index % 7 + 40 {
                    signals.append(Signal(customer: "c\(index)", metric: "nps", value: Double(index % 11), instant: at))
                }
            }
        }
        try store.insert(signals: signals)
    }

    @Test func manyCustomersSeriesAreEachCustomersSeries() throws {
        try withStore { store in
            try Self.fill(store)
            try evaluation.recomputeHealth(on: store, now: Self.now)
            let needs = ["logins": 28, "tickets": 14, "nps": 0, "health": 3]
            let requests = (0..<Self.customerCount).map { index in
                let zone = Self.zones[index % Self.zones.count] ?? Self.team
                return SeriesRequest(customer: "c\(index)", today: zone.localDateTime(at: Self.now).date, zone: zone)
            }
            let bulk = try store.series(of: requests, needs: needs)
            #expect(bulk.count == Self.customerCount)
            for request in requests {
                let one = try store.series(customer: request.customer, needs: needs, today: request.today, zone: request.zone)
                #expect(bulk[request.customer] == one, "\(request.customer)")
            }
            #expect(bulk["c0"]?["logins"] == [], "a customer without signals has empty series")
            #expect(bulk["c1"]?["logins"]?.isEmpty == false)
        }
    }

    @Test func seriesWithoutEarlierObservationsAreEachCustomersSeries() throws {
        try withStore { store in
            let requests = (0..<Self.customerCount).map { index in
                let zone = Self.zones[index % Self.zones.count] ?? Self.team
                return SeriesRequest(customer: "c\(index)", today: zone.localDateTime(at: Self.now).date, zone: zone)
            }
            try Self.fill(store)
            // Windows that hold every observation (none before them), and a metric never observed.
            let needs = ["logins": 90, "tickets": 400, "seats_used": 7]
            let bulk = try store.series(of: requests, needs: needs)
            for request in requests {
                let one = try store.series(customer: request.customer, needs: needs, today: request.today, zone: request.zone)
                #expect(bulk[request.customer] == one, "\(request.customer)")
            }
            #expect(bulk["c1"]?["logins"]?.count == 45, "every observation of 60 days, one day in four missing")
            #expect(bulk["c1"]?["seats_used"] == [])
        }
    }

    @Test func oneRecomputationScoresAsEachCustomersSeries() throws {
        try withStore { store in
            try Self.fill(store)
            #expect(try evaluation.recomputeHealth(on: store, now: Self.now) == Self.customerCount)
            let everything = ["logins": 400, "tickets": 400, "nps": 400]
            var unknown = 0
            for customer in try store.customers() {
                let zone = customer.zone ?? Self.team
                let today = zone.localDateTime(at: Self.now).date
                let series = try store.series(customer: customer.id, needs: everything, today: today, zone: zone)
                let expected = Self.model.score(series: series, on: today)
                let stored = try #require(try store.healthReport(customer: customer.id, trend: CalendarSpan(28, .day)).first)
                #expect(stored.day == today)
                #expect(stored.health == expected, "\(customer.id)")
                #expect(customer.health == expected.score)
                if expected.score == nil { unknown += 1 }
            }
            #expect(unknown == Self.customerCount / 5, "customers without signals are unknown")
        }
    }

    @Test func oneEvaluationOfEveryCustomerIsTheEvaluationOfEachChunk() throws {
        var whole = CustomerEvaluation.Summary()
        var wholeScores: [Double?] = []
        try withStore { store in
            try Self.fill(store)
            whole = try evaluation.evaluate(on: store, now: Self.now)
            wholeScores = try store.customers().sorted { $0.id < $1.id }.map(\.health)
        }
        try withStore { store in
            try Self.fill(store)
            let chunked = try #require(try evaluation.evaluate(on: store, now: Self.now, chunkSize: 100, shouldStop: { false }))
            #expect(chunked.scored == whole.scored)
            #expect(Set(chunked.stageChanges) == Set(whole.stageChanges))
            #expect(Set(chunked.triggers) == Set(whole.triggers))
            #expect(try store.customers().sorted { $0.id < $1.id }.map(\.health) == wholeScores)
        }
        #expect(whole.scored == Self.customerCount)
        #expect(wholeScores.contains(nil), "customers without signals are unknown")
        #expect(wholeScores.contains { $0 != nil })
        #expect(!whole.stageChanges.isEmpty && whole.stageChanges.count < Self.customerCount / 3)
        #expect(!whole.firings.isEmpty && whole.firings.count < Self.customerCount)
    }

    @Test func anEvaluationLeavesTheCustomersItWasGivenAsItLeavesTheStore() throws {
        try withStore { store in
            try Self.fill(store)
            var customers = try store.customers()
            let summary = try evaluation.evaluate(&customers, on: store, now: Self.now)
            #expect(!summary.stageChanges.isEmpty && summary.scored == Self.customerCount)
            #expect(customers == (try store.customers()))
        }
        try withStore { store in
            try Self.fill(store)
            var customers = try store.customers()
            let summary = try #require(try evaluation.evaluate(&customers, on: store, now: Self.now, chunkSize: 100, shouldStop: { false }))
            #expect(!summary.stageChanges.isEmpty)
            #expect(customers == (try store.customers()))
        }
    }

    @Test func planningTheEvaluatedCustomersStoresWhatPlanningTheStoredOnesDoes() throws {
        let window = PlanningWindow(now: Self.now, zone: Self.team, horizon: CalendarSpan(21, .day), calendar: .standard)
        /// A pass that evaluates the customers it plans, or one that reads them back after an evaluation.
        func pass(evaluating: Bool) throws -> (MaterializationResult, [StoredTask]) {
            try withStore { store in
                try Self.fill(store)
                let run = PlanningRun(playbooks: [Self.playbook], zone: Self.team, calendar: .standard, window: window, batchSize: 500)
                let result: MaterializationResult
                if evaluating {
                    result = try run.run(
                        on: store, now: Self.now,
                        evaluatingWith: { customers throws(StoreError) in _ = try evaluation.evaluate(&customers, on: store, now: Self.now) }
                    ).result
                } else {
                    _ = try evaluation.evaluate(on: store, now: Self.now)
                    result = try run.run(on: store, now: Self.now)
                }
                return (result, try store.upcoming(from: window.catchUpFrom, to: window.to, owner: nil))
            }
        }
        let (shared, sharedTasks) = try pass(evaluating: true)
        let (read, readTasks) = try pass(evaluating: false)
        #expect(shared.created > 0)
        #expect(shared == read)
        #expect(sharedTasks == readTasks)
    }
}
