import KizunaCore
@testable import KizunaStore
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
            // The read itself stops between metrics: stopped from the start, it reads none.
            let since = Bulk.now.secondsSinceEpoch - 86_400 * 30
            let windows = try store.signalWindows(
                since: ["logins": since, "tickets": since, "nps": since], of: stored.map(\.id), shouldStop: { true })
            #expect(windows.metrics.isEmpty)
        }
    }

    /// Chunks recorded aside, each while the next is evaluated, leave the store with every
    /// customer's score, band and measures as after one evaluation of every customer.
    @Test func scoresRecordedAsideAreTheWholeEvaluationsScores() throws {
        let evaluation = CustomerEvaluation(
            playbooks: [Bulk.playbook], health: Bulk.model, lifecycle: Bulk.lifecycle, zone: Bulk.team, calendar: .standard)
        #expect(evaluation.writesAside)
        func scores(chunkSize: Int?) throws -> [HealthReportRow] {
            try withStore { store in
                try Bulk.fill(store)
                if let chunkSize {
                    _ = try #require(try evaluation.evaluate(on: store, now: Bulk.now, chunkSize: chunkSize, shouldStop: { false }))
                } else {
                    _ = try evaluation.evaluate(on: store, now: Bulk.now)
                }
                return try store.healthReport(trend: CalendarSpan(28, .day)).sorted { $0.customer < $1.customer }
            }
        }
        let whole = try scores(chunkSize: nil)
        #expect(whole.count == Bulk.customerCount)
        #expect(try scores(chunkSize: 100) == whole)
        #expect(try scores(chunkSize: 7) == whole)
    }

    /// Rows are matched to customers by the bytes of their ids: customers whose ids are not
    /// ASCII get their own observations in one pass over many customers' rows, as customer by
    /// customer.
    @Test func customersWithIdsBeyondASCIIGetTheirOwnWindows() throws {
        try withStore { store in
            try Bulk.fill(store)
            let odd = ["caf\u{E9}", "\u{9867}\u{5BA2}-1", "\u{9867}\u{5BA2}-10", "c1\u{1F600}"]
            try store.upsert(
                customers: odd.map { Customer(id: $0, name: $0, csm: "aiko", stage: "adoption", stageEntered: Bulk.now) }, at: Bulk.now)
            try store.insert(
                signals: odd.enumerated().flatMap { index, id in
                    (1...3).map { hour in
                        Signal(customer: id, metric: "logins", value: Double(index * 10 + hour), instant: Bulk.now.adding(seconds: -3_600 * Int64(hour)))
                    }
                })
            let ids = try store.customers().map(\.id)
            #expect(ids.count >= Store.fewCustomers)
            let since = ["logins": Bulk.now.secondsSinceEpoch - 86_400]
            let many = try store.signalWindows(since: since, of: ids)
            let few = try store.signalWindows(since: since, of: odd)
            for (slot, id) in odd.enumerated() {
                let index = try #require(ids.firstIndex(of: id))
                let values = many.metrics["logins"]?.window[index].map(\.value)
                #expect(values == [3, 2, 1].map { Double(slot * 10 + $0) }, "\(id)")
                #expect(values == few.metrics["logins"]?.window[slot].map(\.value), "\(id)")
            }
        }
    }

    /// Chunks are recorded while the next is evaluated only when none reads what it records:
    /// the `health` series (its scores) or a checklist in a trigger (its tasks).
    @Test func chunksAreRecordedAsideOnlyWhenTheyReadNothingTheyRecord() throws {
        #expect(evaluation.writesAside)
        let readingHealth = Lifecycle(
            stages: Lifecycle.standard.stages,
            transitions: [StageTransition(from: ["adoption"], to: "mature", when: try Condition(parsing: "change(health, 7 days) >= 0"))])
        #expect(!CustomerEvaluation(playbooks: [], health: Bulk.model, lifecycle: readingHealth, zone: Bulk.team, calendar: .standard).writesAside)
        let checklist = try PlaybookLoader.load(
            file: "checked.yaml",
            text: """
                kizuna: 1
                playbook: checked
                title: Checked
                when: checklist_complete("usage-drop")
                task:
                  title: "Celebrate with {{ customer.name }}"
                  due: within 1 day
                """)
        #expect(
            !CustomerEvaluation(playbooks: [Bulk.playbook, checklist], health: Bulk.model, lifecycle: Self.lifecycle, zone: Bulk.team, calendar: .standard)
                .writesAside)
    }

    /// Conditions on the change of `health` read the scores their own chunk records: chunks
    /// evaluate them as one evaluation of every customer does, a week after a first one.
    @Test func conditionsOnTheChangeOfHealthReadTheirChunksScores() throws {
        let lifecycle = Lifecycle(
            stages: Lifecycle.standard.stages,
            transitions: [StageTransition(from: ["adoption"], to: "mature", when: try Condition(parsing: "change(health, 7 days) >= 3"))])
        let evaluation = CustomerEvaluation(playbooks: [], health: Bulk.model, lifecycle: lifecycle, zone: Bulk.team, calendar: .standard)
        let weekBefore = Bulk.now.adding(seconds: -86_400 * 7)
        func evaluate(chunkSize: Int?) throws -> CustomerEvaluation.Summary {
            try withStore { store in
                try Bulk.fill(store)
                _ = try evaluation.evaluate(on: store, now: weekBefore)
                guard let chunkSize else { return try evaluation.evaluate(on: store, now: Bulk.now) }
                return try #require(try evaluation.evaluate(on: store, now: Bulk.now, chunkSize: chunkSize, shouldStop: { false }))
            }
        }
        let whole = try evaluate(chunkSize: nil)
        let chunked = try evaluate(chunkSize: 100)
        #expect(Set(chunked.stageChanges) == Set(whole.stageChanges))
        #expect(!whole.stageChanges.isEmpty && whole.stageChanges.count < Bulk.customerCount / 2)
    }

    /// A chunk of as many customers as are read in one pass, evaluated a week after a first
    /// evaluation, reads the firings of its own customers: their cool-downs hold as when every
    /// customer is evaluated at once.
    @Test func aLargeChunkReadsItsCustomersFirings() throws {
        let weekLater = Bulk.now.adding(seconds: 86_400 * 7)
        func evaluateTwice(chunkSize: Int?) throws -> (first: CustomerEvaluation.Summary, second: CustomerEvaluation.Summary) {
            try withStore { store in
                try Bulk.fill(store)
                let first = try evaluation.evaluate(on: store, now: Bulk.now)
                guard let chunkSize else { return (first, try evaluation.evaluate(on: store, now: weekLater)) }
                return (first, try #require(try evaluation.evaluate(on: store, now: weekLater, chunkSize: chunkSize, shouldStop: { false })))
            }
        }
        let whole = try evaluateTwice(chunkSize: nil)
        let chunked = try evaluateTwice(chunkSize: Store.fewCustomers)
        #expect(Set(chunked.second.triggers) == Set(whole.second.triggers))
        #expect(!whole.first.firings.isEmpty)
        #expect(whole.second.firings.count < whole.first.firings.count, "most of the first firings are cooling down")
    }

    /// Many customers' windows are read in two halves at once: together they are what the
    /// windows of a few customers at a time hold, also of a metric last observed before the
    /// window; the observation before is read only where asked.
    @Test func windowsReadInHalvesAreEachCustomersWindows() throws {
        try withStore { store in
            try Bulk.fill(store)
            // Each customer's only `seats`, 30 days back: the window of 7 days holds none.
            try store.insert(
                signals: (0..<Bulk.customerCount).map { index in
                    Signal(customer: "c\(index)", metric: "seats", value: Double(index), instant: Bulk.now.adding(seconds: -30 * 86_400))
                })
            let ids = try store.customers().map(\.id)
            let since = ["logins": Bulk.now.secondsSinceEpoch - 20 * 86_400, "seats": Bulk.now.secondsSinceEpoch - 7 * 86_400]
            let whole = try store.signalWindows(since: since, of: ids)
            let withoutEarlier = try store.signalWindows(since: since, of: ids, withoutEarlier: ["logins", "seats"])
            func rows(_ windows: SignalWindows, _ metric: String, _ slot: Int) -> [[Double]] {
                windows.metrics[metric]?.window[slot].map { [$0.value, Double($0.at)] } ?? []
            }
            func before(_ windows: SignalWindows, _ metric: String, _ slot: Int) -> [Double]? {
                windows.metrics[metric]?.before[slot].map { [$0.value, Double($0.at)] }
            }
            var observations = 0
            for first in stride(from: 0, to: ids.count, by: Store.fewCustomers / 2) {
                let chunk = Array(ids[first..<min(first + Store.fewCustomers / 2, ids.count)])
                let few = try store.signalWindows(since: since, of: chunk)
                for (slot, id) in chunk.enumerated() {
                    let index = try #require(ids.firstIndex(of: id))
                    for metric in since.keys {
                        #expect(rows(whole, metric, index) == rows(few, metric, slot), "\(metric) of \(id)")
                        #expect(rows(withoutEarlier, metric, index) == rows(few, metric, slot), "\(metric) of \(id)")
                        #expect(before(whole, metric, index) == before(few, metric, slot), "\(metric) of \(id)")
                        #expect(before(withoutEarlier, metric, index) == nil, "\(metric) of \(id)")
                    }
                    observations += rows(whole, "logins", index).count
                }
            }
            #expect(observations > Bulk.customerCount * 10, "most customers log in on most of the 20 days")
            #expect(whole.metrics["seats"]?.window.allSatisfy(\.isEmpty) == true)
            #expect(whole.metrics["seats"]?.before.allSatisfy { $0 != nil } == true, "each one's seats, 30 days back")
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
