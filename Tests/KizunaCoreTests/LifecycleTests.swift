import Foundation
import Testing

@testable import KizunaCore

@Suite struct LifecycleTests {
    let newYork = Zone.named("America/New_York")!

    func customer(stage: String, entered: String, fields: [String: String] = [:]) -> Customer {
        Customer(
            id: "acme", name: "Acme", csm: "alice", stage: stage,
            stageEntered: Instant(iso8601: entered, defaultZone: newYork)!, fields: fields)
    }

    func changes(_ lifecycle: Lifecycle, _ customer: Customer, now: String) -> [StageChange] {
        let instant = Instant(iso8601: now, defaultZone: newYork)!
        return lifecycle.changes(
            for: customer,
            facts: { CustomerFacts(customer: $0, today: self.newYork.localDateTime(at: instant).date, zone: self.newYork) },
            now: instant, zone: newYork, calendar: .standard)
    }

    @Test func aTimeInStageMovesTheCustomerAtTheWallTimeItFallsDueAcrossDST() throws {
        let lifecycle = Lifecycle(
            stages: Lifecycle.standard.stages,
            transitions: [StageTransition(from: ["onboarding"], to: "adoption", after: CalendarSpan(30, .day))])
        // Entered at 10:00 EDT on October 15th; 30 days later is 10:00 EST on November 14th.
        let onboarding = customer(stage: "onboarding", entered: "2026-10-15T10:00:00-04:00")
        #expect(changes(lifecycle, onboarding, now: "2026-11-14T09:59:00-05:00").isEmpty)
        let moved = changes(lifecycle, onboarding, now: "2026-11-20T12:00:00-05:00")
        #expect(moved.map(\.stage) == ["adoption"])
        #expect(moved.first?.at == Instant(iso8601: "2026-11-14T10:00:00-05:00", defaultZone: newYork))
        #expect(moved.first?.cause == "lifecycle: after 30 days in onboarding")
        #expect(
            lifecycle.nextTransition(for: onboarding, after: Instant(iso8601: "2026-11-01T00:00:00-04:00", defaultZone: newYork)!,
                                     zone: newYork, calendar: .standard)
                == Instant(iso8601: "2026-11-14T10:00:00-05:00", defaultZone: newYork))
    }

    @Test func aLongOverdueCustomerMovesThroughEachStage() {
        let lifecycle = Lifecycle(
            stages: Lifecycle.standard.stages,
            transitions: [
                StageTransition(from: ["onboarding"], to: "adoption", after: CalendarSpan(30, .day)),
                StageTransition(from: ["adoption"], to: "mature", after: CalendarSpan(3, .month)),
            ])
        let moved = changes(lifecycle, customer(stage: "onboarding", entered: "2026-01-31T09:00:00-05:00"), now: "2026-11-20T12:00:00-05:00")
        #expect(moved.map(\.stage) == ["adoption", "mature"])
        // March 2nd plus three months is June 2nd.
        #expect(moved.last?.at == Instant(iso8601: "2026-06-02T09:00:00-04:00", defaultZone: newYork))
    }

    @Test func aConditionMovesTheCustomerNowWhenItHolds() throws {
        let lifecycle = Lifecycle(
            stages: Lifecycle.standard.stages,
            transitions: [
                StageTransition(
                    from: ["onboarding"], to: "adoption", after: CalendarSpan(14, .day),
                    when: try Condition(parsing: "fields.onboarding == \"complete\""))
            ])
        let done = customer(stage: "onboarding", entered: "2026-11-01T09:00:00-05:00", fields: ["onboarding": "complete"])
        #expect(changes(lifecycle, done, now: "2026-11-10T12:00:00-05:00").isEmpty)  // not 14 days yet
        let moved = changes(lifecycle, done, now: "2026-11-20T12:00:00-05:00")
        #expect(moved.first?.at == Instant(iso8601: "2026-11-20T12:00:00-05:00", defaultZone: newYork))
        #expect(moved.first?.cause == "lifecycle: after 14 days in onboarding and when fields.onboarding == \"complete\"")
        let notDone = customer(stage: "onboarding", entered: "2026-11-01T09:00:00-05:00")
        #expect(changes(lifecycle, notDone, now: "2026-11-20T12:00:00-05:00").isEmpty)
    }

    @Test func theFileReportsUnknownStagesAndMissingRulesAtTheirPlace() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lifecycle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("lifecycle.yaml").path
        try """
            kizuna: 1
            stages: [onboarding, adoption, mature]
            transitions:
              - from: onboardng
                to: adoption
                after: 30 days
              - from: adoption
                to: mature
              - from: adoption
                to: churned
                when: helth < 10
            """.write(toFile: path, atomically: true, encoding: .utf8)
        #expect {
            _ = try LifecycleLoader.load(path: path)
        } throws: { error in
            let messages = (error as? DiagnosticList)?.diagnostics.map(\.description) ?? []
            return messages.count == 3 && messages[0].hasPrefix("\(path):4:11: error: unknown stage `onboardng`")
                && messages[0].contains("did you mean `onboarding`?")
                && messages[1].hasPrefix("\(path):7:5: error: a transition needs `after`")
                && messages[2].hasPrefix("\(path):11:11: error: unknown field `helth`")
        }
        #expect(try LifecycleLoader.load(path: folder.appendingPathComponent("none.yaml").path) == nil)
    }
}
