import KizunaCore
import KizunaStore
import Synchronization
import Testing

/// An evaluation reads every customer's signals once, then evaluates and records them chunk
/// by chunk: on the store of `BulkEvaluationTests`, conditions that read the scores the same
/// evaluation records, a stop during the reads, and the observation before a window found
/// however long before it lies.
@Suite("Chunked evaluation") struct ChunkedEvaluationTests {
    typealias Bulk = BulkEvaluationTests
    static let threshold = 50.0

    /// Adoption customers move on when their score, recorded by the same evaluation, is high.
    static let lifecycle = Lifecycle(
        stages: Lifecycle.standard.stages,
        transitions: [
            StageTransition(
                from: ["adoption"], to: "mature", when: try! Condition(parsing: "health >= \(Int(threshold)) and tickets <= 3"))
        ])
    let evaluation = CustomerEvaluation(
        playbooks: [Bulk.playbook], health: Bulk.model, lifecycle: lifecycle, zone: Bulk.team, calendar: .standard)

    @Test func conditionsReadTheScoresRecordedInTheirOwnChunk() throws {
        func evaluate(chunkSize: Int?) throws -> (CustomerEvaluation.Summary, [Customer], [String: Double]) {
            try withStore { store in
                try Bulk.fill(store)
                var customers = try store.customers()
                let summary =
                    if let chunkSize {
                        try #require(try evaluation.evaluate(&customers, on: store, now: Bulk.now, chunkSize: chunkSize, shouldStop: { false }))
                    } else {
                        try evaluation.evaluate(&customers, on: store, now: Bulk.now)
                    }
                let latest = try store.series(
                    of: customers.map { customer in
                        let zone = customer.zone ?? Bulk.team
                        return SeriesRequest(customer: customer.id, today: Bulk.now.date(in: zone), zone: zone)
                    },
                    needs: ["tickets": 0])
                let tickets = latest.compactMapValues { $0["tickets"]?.last?.value }
                return (summary, customers, tickets)
            }
        }
        let (whole, wholeCustomers, tickets) = try evaluate(chunkSize: nil)
        let (chunked, chunkedCustomers, _) = try evaluate(chunkSize: 100)
        #expect(Set(chunked.stageChanges) == Set(whole.stageChanges))
        #expect(Set(chunked.triggers) == Set(whole.triggers))
        #expect(chunkedCustomers == wholeCustomers)
        // Every adoption customer whose new score and latest ticket count hold moved, no other.
        let moved = Set(whole.stageChanges.map(\.customer))
        for customer in wholeCustomers where Int(customer.id.dropFirst())! % 3 != 0 {
            let holds = (customer.health ?? -1) >= Self.threshold && (tickets[customer.id] ?? .infinity) <= 3
            #expect(moved.contains(customer.id) == holds, "\(customer.id)")
        }
        #expect(!moved.isEmpty && moved.count < Bulk.customerCount * 2 / 3)
    }

    @Test func aStopDuringTheReadsRecordsNothing() throws {
        try withStore { store in
            try Bulk.fill(store)
            let stored = try store.customers()
            let asked = Atomic(0)
            // The second time it is asked is after the first metric's read.
            let stopped = try evaluation.evaluate(on: store, now: Bulk.now, chunkSize: 100) {
                asked.add(1, ordering: .relaxed).newValue > 1
            }
            #expect(stopped == nil)
            #expect(try store.customers() == stored)
            #expect(try store.firings().isEmpty)
            // The read itself stops between metrics.
            let since = Bulk.now.adding(seconds: -86_400 * 30)
            let readStops = Atomic(0)
            var metricsRead: Set<Int> = []
            try store.forEachSignal(
                in: [("logins", since), ("tickets", since), ("nps", since)], shouldStop: { readStops.add(1, ordering: .relaxed).newValue > 1 }
            ) { metric, _, _, _ in metricsRead.insert(metric) }
            #expect(metricsRead == [0])
        }
    }

    /// Each customer's single `seats` observation before the window of 7 days lies a day, 23
    /// days, 100 days or 700 days back, or half of them have none; some have one in the window
    /// too. Most customers lack one in the first ranges read back, the last few are looked up.
    @Test func theObservationBeforeAWindowIsFoundHoweverLongBefore() throws {
        let ages = [nil, nil, nil, nil, 8, 30, 107, 707] as [Int?]
        try withStore { store in
            try Bulk.fill(store)
            var signals: [Signal] = []
            for index in 0..<Bulk.customerCount {
                if let age = ages[index % ages.count] {
                    signals.append(Signal(customer: "c\(index)", metric: "seats", value: Double(age), instant: Bulk.now.adding(seconds: -Int64(age) * 86_400)))
                }
                if index % 5 == 1 {
                    signals.append(Signal(customer: "c\(index)", metric: "seats", value: 1, instant: Bulk.now.adding(seconds: -3_600)))
                }
            }
            try store.insert(signals: signals)
            let needs = ["seats": 7]
            let requests = (0..<Bulk.customerCount).map { index in
                let zone = Bulk.zones[index % Bulk.zones.count] ?? Bulk.team
                return SeriesRequest(customer: "c\(index)", today: Bulk.now.date(in: zone), zone: zone)
            }
            let bulk = try store.series(of: requests, needs: needs)
            for request in requests {
                let one = try store.series(customer: request.customer, needs: needs, today: request.today, zone: request.zone)
                #expect(bulk[request.customer] == one, "\(request.customer)")
            }
            #expect(bulk["c0"]?["seats"] == [], "none before, none in the window")
            #expect(bulk["c4"]?["seats"]?.map(\.value) == [8])
            #expect(bulk["c5"]?["seats"]?.map(\.value) == [30])
            #expect(bulk["c14"]?["seats"]?.map(\.value) == [107])
            #expect(bulk["c7"]?["seats"]?.map(\.value) == [707], "700 days back")
            #expect(bulk["c11"]?["seats"]?.map(\.value) == [1], "none before, one in the window")
            #expect(bulk["c21"]?["seats"]?.map(\.value) == [30, 1], "the one before, then the window's")
        }
    }
}

extension Instant {
    fileprivate func date(in zone: Zone) -> CivilDate { zone.localDateTime(at: self).date }
}
