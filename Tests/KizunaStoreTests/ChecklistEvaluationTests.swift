import KizunaCore
import KizunaStore
import Testing

/// `checklist_complete(…)` read by the lifecycle and by a `when:` play on a real store.
@Suite("Checklists in an evaluation") struct ChecklistEvaluationTests {
    static let onboarding = try! PlaybookLoader.load(
        file: "onboarding.yaml",
        text: """
            kizuna: 1
            playbook: onboarding
            title: Onboarding
            applies: { stage: onboarding }
            dates: [stage entered]
            steps:
              - { id: kick-off, title: Kick-off, owner: aiko }
              - { id: setup, title: Setup, owner: aiko, start: 2 days after }
            """)
    static let handover = try! PlaybookLoader.load(
        file: "handover.yaml",
        text: """
            kizuna: 1
            playbook: handover
            title: Handover
            when: checklist_complete("onboarding")
            task: { title: "Hand {{ customer.name }} over", owner: aiko }
            """)

    let evaluation = CustomerEvaluation(
        playbooks: [onboarding, handover], health: nil,
        lifecycle: Lifecycle(
            stages: Lifecycle.standard.stages,
            transitions: [StageTransition(from: ["onboarding"], to: "adoption", when: try! Condition(parsing: "checklist_complete(\"onboarding\")"))]),
        zone: .utc, calendar: .standard)

    func window(_ now: Instant) -> PlanningWindow {
        PlanningWindow(now: now, zone: .utc, horizon: CalendarSpan(14, .day), calendar: .standard)
    }

    @Test func aCompleteChecklistFiresItsPlayAndMovesTheCustomerOn() throws {
        try withStore { store in
            try store.upsert(customers: [Sample.customer("acme", entered: Sample.at(day: -1))], at: Sample.monday)
            let now = Sample.at(day: 0, hour: 9)
            #expect(try evaluation.reevaluate(customer: "acme", on: store, window: window(now), now: now).created == 2)
            #expect(try store.firings().isEmpty)
            let steps = try store.upcoming(from: Sample.at(day: -7), to: Sample.at(day: 14), owner: nil).filter { $0.playbook == "onboarding" }
            #expect(steps.count == 2)
            _ = try store.complete(try #require(steps.first?.id), note: nil, at: now, actor: "aiko")
            #expect(try evaluation.evaluate(on: store, now: now).stageChanges.isEmpty)
            _ = try store.skip(try #require(steps.last?.id), reason: "set up by the customer", at: now, actor: "aiko")
            let summary = try evaluation.evaluate(on: store, now: Sample.at(day: 0, hour: 10))
            #expect(summary.firings.map(\.playbook) == ["handover"])
            #expect(summary.stageChanges.map(\.cause) == ["lifecycle: when checklist_complete(\"onboarding\")"])
            #expect(try store.customer(id: "acme")?.stage == "adoption")
        }
    }
}
