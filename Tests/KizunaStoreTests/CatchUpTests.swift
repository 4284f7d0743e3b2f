import KizunaCore
import KizunaStore
import Testing

@Suite("Catch-up")
struct CatchUpTests {
    let zone = Zone.named("America/New_York")!

    /// A daily play with the given policy, for one customer in onboarding since November 1st.
    private func missed(policy: String, stored: Set<TaskID> = []) throws -> [String] {
        let playbook = try Sample.dailyPlaybook(catchUp: policy)
        let customer = Customer(
            id: "acme", name: "Acme", csm: "alice", stage: "onboarding",
            stageEntered: zone.instant(for: LocalDateTime("2026-11-01")!))
        let window = PlanningWindow(
            catchUpFrom: zone.instant(for: LocalDateTime("2026-11-20")!), from: zone.instant(for: LocalDateTime("2026-11-24")!),
            to: zone.instant(for: LocalDateTime("2026-11-25")!))
        let run = PlanningRun(playbooks: [playbook], zone: zone, calendar: .standard, window: window)
        let planner = Planner(playbooks: [playbook], teamZone: zone, calendar: .standard)
        return run.tasks(for: [customer], planner: planner, stored: stored).map(\.occurrence).sorted()
    }

    @Test func latestKeepsOnlyTheMostRecentMissedOccurrence() throws {
        #expect(try missed(policy: "latest") == ["2026-11-23T10:00:00", "2026-11-24T10:00:00"])
    }

    @Test func allKeepsEveryMissedOccurrence() throws {
        #expect(
            try missed(policy: "all") == [
                "2026-11-20T10:00:00", "2026-11-21T10:00:00", "2026-11-22T10:00:00", "2026-11-23T10:00:00", "2026-11-24T10:00:00",
            ])
    }

    @Test func noneDropsMissedOccurrencesButKeepsThoseAlreadyStored() throws {
        #expect(try missed(policy: "none") == ["2026-11-24T10:00:00"])
        let stored = TaskID(playbook: "daily", step: "task", customer: "acme", occurrence: "2026-11-21T10:00:00")
        #expect(try missed(policy: "none", stored: [stored]) == ["2026-11-21T10:00:00", "2026-11-24T10:00:00"])
    }
}
