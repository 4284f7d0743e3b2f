import KizunaCore
import KizunaStore
import Testing

/// The planner's completions read from a store: only the latest completion of each play
/// per customer, and each task's completion only for plays with a step after the previous.
@Suite("Completions read")
struct CompletionsReadTests {
    let zone = Zone.named("America/New_York")!

    var playbooks: [Playbook] {
        get throws {
            [
                try PlaybookLoader.load(
                    file: "review.yaml",
                    text: """
                        kizuna: 1
                        playbook: review
                        title: Review
                        cadence: every month on day 2 at 10:00
                        steps:
                          - id: prepare
                            title: Prepare
                            start: on the day
                          - id: follow-up
                            title: Follow up
                            start: 2 business days after previous
                        """),
                try PlaybookLoader.load(
                    file: "checkin.yaml",
                    text: """
                        kizuna: 1
                        playbook: checkin
                        title: Check-in
                        cadence: every 2 weeks at 10:00 after completion
                        task:
                          title: Check in
                        """),
            ]
        }
    }

    func at(_ text: String) -> Instant { zone.instant(for: LocalDateTime(text)!) }

    /// A store holding November's tasks for one customer, the review's first step and the
    /// first check-in done; and the done tasks with when they were done.
    private func withCompletedStore(_ body: (Store, Customer, [(PlannedTask, Instant)]) throws -> Void) throws {
        let customer = Customer(id: "acme", name: "Acme", csm: "aiko", stage: "onboarding", stageEntered: at("2026-11-02"))
        let planned = Planner(playbooks: try playbooks, teamZone: zone, calendar: .standard)
            .tasks(for: [customer], from: at("2026-11-02"), to: at("2026-11-30"))
        let prepare = try #require(planned.first { $0.playbook == "review" && $0.step == "prepare" })
        let checkin = try #require(planned.first { $0.playbook == "checkin" })
        let done = [(prepare, at("2026-11-03T15:00")), (checkin, at("2026-11-04T09:00"))]
        try withStore { store in
            try store.materialize(
                planned: planned, from: at("2026-11-02"), to: at("2026-11-30"), now: at("2026-11-02"), reasons: { _ in "" })
            for (task, instant) in done { _ = try store.complete(task.id, note: nil, at: instant, actor: "aiko") }
            try body(store, customer, done)
        }
    }

    @Test func plansTheSameTasksAsFromEveryDoneTask() throws {
        try withCompletedStore { store, customer, done in
            let playbooks = try playbooks
            var everyDone = Completions()
            for (task, instant) in done { everyDone.record(task: task.id, playbook: task.playbook, customer: task.customer, at: instant) }
            let read = try store.completions(playbooksDatedByTask: Completions.playbooksDatedByTask(in: playbooks))
            let (from, to) = (at("2026-11-02"), at("2027-01-01"))
            let planned = Planner(playbooks: playbooks, teamZone: zone, calendar: .standard, completions: read)
                .tasks(for: [customer], from: from, to: to)
            #expect(planned == Planner(playbooks: playbooks, teamZone: zone, calendar: .standard, completions: everyDone)
                .tasks(for: [customer], from: from, to: to))
            // Two business days after the first step was done; two weeks after the check-in was.
            #expect(planned.filter { $0.step == "follow-up" }.map(\.start).first == at("2026-11-05T15:00"))
            #expect(planned.filter { $0.playbook == "checkin" }.map(\.start).contains(at("2026-11-18T10:00")))
        }
    }

    @Test func readsTaskCompletionsOnlyOfThePlaysNamed() throws {
        try withCompletedStore { store, _, done in
            let read = try store.completions(playbooksDatedByTask: Completions.playbooksDatedByTask(in: try playbooks))
            #expect(Completions.playbooksDatedByTask(in: try playbooks) == ["review"])
            #expect(read.byTask == [done[0].0.id: done[0].1])
            #expect(read.latest(playbook: "checkin", customer: "acme") == done[1].1)
            #expect(read.latest(playbook: "review", customer: "acme") == done[0].1)
            let none = try store.completions(playbooksDatedByTask: [])
            #expect(none.byTask.isEmpty)
            #expect(none.latest(playbook: "checkin", customer: "acme") == done[1].1)
            let others = try store.completions(customers: ["beta"], playbooksDatedByTask: ["review", "checkin"])
            #expect(others == Completions())
        }
    }
}
