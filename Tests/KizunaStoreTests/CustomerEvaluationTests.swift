import KizunaCore
import KizunaStore
import Synchronization
import Testing

/// What the daemon calls when one customer's signals arrive: its score, stage, triggers
/// and tasks, re-evaluated on a real store.
@Suite("Re-evaluating one customer") struct CustomerEvaluationTests {
    static let playbook = try! PlaybookLoader.load(
        file: "logins-drop.yaml",
        text: """
            kizuna: 1
            playbook: logins-drop
            title: Logins dropped
            when: health < 40
            cooldown: 14 days
            task:
              title: "Call {{ customer.name }}"
              due: within 1 day
            """)
    static let model = HealthModel(measures: [
        HealthMeasure(name: "logins", metric: "logins", aggregate: .sum, window: CalendarSpan(7, .day), bad: 0, good: 10, weight: 1)
    ])
    static let lifecycle = Lifecycle(
        stages: Lifecycle.standard.stages,
        transitions: [StageTransition(from: ["onboarding"], to: "adoption", after: CalendarSpan(30, .day))])

    let evaluation = CustomerEvaluation(
        playbooks: [playbook], health: model, lifecycle: lifecycle, zone: .utc, calendar: .standard)

    func window(_ now: Instant) -> PlanningWindow {
        PlanningWindow(now: now, zone: .utc, horizon: CalendarSpan(14, .day), calendar: .standard)
    }

    @Test func aLowSignalScoresFiresAndPlansOneTaskThatStaysOne() throws {
        try withStore { store in
            try store.upsert(customers: [Sample.customer("acme", entered: Sample.at(day: -10))], at: Sample.monday)
            try store.insert(signals: [Signal(customer: "acme", metric: "logins", value: 2, instant: Sample.at(day: 0, hour: 8))])
            let now = Sample.at(day: 0, hour: 9)
            let result = try evaluation.reevaluate(customer: "acme", on: store, window: window(now), now: now)
            #expect(result.created == 1)
            #expect(try store.customer(id: "acme")?.health == 20)
            #expect(try store.firings().map(\.firedOn) == [CivilDate("2027-01-04")!])
            // The next day, still red: nothing new.
            let later = Sample.at(day: 1, hour: 9)
            #expect(try evaluation.reevaluate(customer: "acme", on: store, window: window(later), now: later).created == 0)
            #expect(try store.firings().count == 1)
        }
    }

    @Test func theNextTransitionIsTheTimeBasedOneStillAhead() throws {
        try withStore { store in
            // Entered onboarding 29 days and 12 hours before: it moves on in 12 hours.
            try store.upsert(customers: [Sample.customer("acme", entered: Sample.at(day: -30, hour: 12))], at: Sample.monday)
            #expect(try evaluation.nextTransition(on: store, after: Sample.monday) == Sample.at(day: 0, hour: 12))
            // Once its instant has passed the transition is the pass's to apply, not a wake ahead.
            #expect(try evaluation.nextTransition(on: store, after: Sample.at(day: 0, hour: 13)) == nil)
            try store.upsert(customers: [Sample.customer("globex", entered: Sample.at(day: -10))], at: Sample.monday)
            var customers = try store.customers()
            let summary = try evaluation.evaluate(&customers, on: store, now: Sample.at(day: 0, hour: 13))
            #expect(summary.stageChanges.map(\.at) == [Sample.at(day: 0, hour: 12)])
            #expect(try store.customer(id: "acme")?.stage == "adoption")
            // The customers the evaluation left give the store's next transition.
            #expect(evaluation.nextTransition(of: customers, after: Sample.at(day: 0, hour: 13)) == Sample.at(day: 20))
            for after in [Sample.at(day: 0, hour: 13), Sample.at(day: 200)] {
                #expect(evaluation.nextTransition(of: customers, after: after) == (try evaluation.nextTransition(on: store, after: after)))
            }
        }
    }

    @Test func anEvaluationInChunksRecordsWhatOneEvaluationWouldAndStopsBetweenChunks() throws {
        let now = Sample.at(day: 0, hour: 13)
        func fill(_ store: Store) throws {
            let customers = (0..<7).map { Sample.customer("c\($0)", entered: Sample.at(day: -$0 * 10, hour: 12)) }
            try store.upsert(customers: customers, at: Sample.monday)
            try store.insert(
                signals: (0..<7).map { Signal(customer: "c\($0)", metric: "logins", value: Double($0 * 2), instant: Sample.at(day: 0, hour: 8)) })
        }
        var whole: CustomerEvaluation.Summary?
        var wholeFirings: [TriggerFiring] = []
        try withStore { store in
            try fill(store)
            whole = try evaluation.evaluate(on: store, now: now)
            wholeFirings = try store.firings()
        }
        try withStore { store in
            try fill(store)
            let chunked = try #require(try evaluation.evaluate(on: store, now: now, chunkSize: 3, shouldStop: { false }))
            #expect(chunked.scored == whole?.scored)
            #expect(Set(chunked.stageChanges) == Set(whole?.stageChanges ?? []))
            #expect(Set(chunked.firings) == Set(whole?.firings ?? []))
            #expect(Set(try store.firings()) == Set(wholeFirings))
            #expect(!wholeFirings.isEmpty)
        }
        try withStore { store in
            try fill(store)
            // Asked before the read of the model's one metric, then before each chunk: the third
            // time is after the first chunk.
            let asked = Atomic(0)
            let stopped = try evaluation.evaluate(on: store, now: now, chunkSize: 3) {
                asked.add(1, ordering: .relaxed).newValue > 2
            }
            #expect(stopped == nil)
            // The first chunk was evaluated and recorded, the last one not.
            #expect(try store.customer(id: "c0")?.health == 0)
            #expect(try store.customer(id: "c6")?.health == nil)
        }
    }
}
