import Foundation
import Testing

@testable import KizunaCore

@Suite struct ChecklistConditionTests {
    let newYork = Zone.named("America/New_York")!

    @Test func checklistCompleteIsATruthOverAPlayAndNamesIt() throws {
        let condition = try Condition(parsing: "checklist_complete(\"onboarding\") and health >= 40")
        #expect(condition.expression == .and(.checklistComplete(playbook: "onboarding"), .compare(.field("health"), .greaterOrEqual, .literal(.number(40)))))
        #expect(condition.references == [ConditionReference(kind: .playbook, name: "onboarding", offset: 20)])
        #expect(condition.expression.checklistPlaybooks == ["onboarding"])
        #expect(condition.evaluate(in: FakeEnvironment(fields: ["health": .number(50)], completeChecklists: ["onboarding"])) == true)
        #expect(condition.evaluate(in: FakeEnvironment(fields: ["health": .number(50)])) == false)
        // Complete is never unknown: `not` of an incomplete checklist holds.
        #expect(try Condition(parsing: "not checklist_complete('onboarding')").evaluate(in: FakeEnvironment()) == true)
    }

    @Test(arguments: [
        ("checklist_complete(onboarding)", SyntaxError("`checklist_complete` needs a playbook id in quotes, such as `\"onboarding\"`", at: 19)),
        ("checklist_complete()", SyntaxError(
            "`checklist_complete` takes one argument, a playbook id in quotes, such as `checklist_complete(\"onboarding\")`", at: 0)),
        ("checklist_complete(\"onboarding\") == 1", SyntaxError("cannot compare a condition with a number", at: 33, hint: "join conditions with `and` or `or`")),
        ("checklist_complet(\"onboarding\")", SyntaxError("unknown function `checklist_complet`", at: 0, hint: "did you mean `checklist_complete`?")),
    ])
    func misuseIsReportedAtItsPlace(source: String, error: SyntaxError) {
        #expect(throws: error) { try Condition(parsing: source) }
    }

    @Test func metricsAreReferencesWithTheirOffsets() throws {
        let condition = try Condition(parsing: "days_since(last_login) > 14 or change(logins, 28 days) < 0 or change(health, 7 days) < 0")
        #expect(condition.references.map(\.name) == ["last_login", "logins"])
        #expect(condition.references.map(\.offset) == [11, 38])
        #expect(condition.references.allSatisfy { $0.kind == .metric })
    }

    func at(_ text: String) -> Instant { Instant(iso8601: text, defaultZone: newYork)! }

    func play(_ id: String, steps: [String]) throws -> Playbook {
        try PlaybookLoader.load(
            file: "\(id).yaml",
            text: """
                kizuna: 1
                playbook: \(id)
                title: \(id)
                dates: [stage entered]
                steps:
                \(steps.map { "  - { id: \($0), title: \($0), owner: alice }" }.joined(separator: "\n"))
                """)
    }

    @Test func aChecklistIsCompleteWhenEveryStepOfTheLatestOccurrenceIsDoneOrSkipped() throws {
        var checklists = Checklists(playbooks: [try play("onboarding", steps: ["kick-off", "setup", "training"])])
        func record(_ customer: String, _ occurrence: String, _ step: String, _ start: String, closed: Bool) {
            checklists.record(playbook: "onboarding", customer: customer, occurrence: occurrence, step: step, start: at(start), closed: closed)
        }
        // acme: every step closed, one of them skipped.
        record("acme", "2026-11-02", "kick-off", "2026-11-03T09:00:00", closed: true)
        record("acme", "2026-11-02", "setup", "2026-11-09T09:00:00", closed: true)
        record("acme", "2026-11-02", "training", "2026-11-16T09:00:00", closed: true)
        // beta: the last step not planned yet.
        record("beta", "2026-11-02", "kick-off", "2026-11-03T09:00:00", closed: true)
        record("beta", "2026-11-02", "setup", "2026-11-09T09:00:00", closed: true)
        // gamma: complete once, back in onboarding since, the new occurrence open (recorded first).
        record("gamma", "2026-11-20", "kick-off", "2026-11-21T09:00:00", closed: false)
        for (step, day) in [("kick-off", "03"), ("setup", "09"), ("training", "16")] {
            record("gamma", "2026-11-02", step, "2026-11-\(day)T09:00:00", closed: true)
        }
        // Tasks of plays no condition reads are ignored.
        checklists.record(playbook: "other", customer: "acme", occurrence: "x", step: "task", start: at("2026-11-01T09:00:00"), closed: true)
        #expect(checklists.complete(for: "acme") == ["onboarding"])
        #expect(checklists.complete(for: "beta").isEmpty)
        #expect(checklists.complete(for: "gamma").isEmpty)
        #expect(checklists.complete(for: "nobody").isEmpty)
    }

    @Test func aLifecycleTransitionMovesTheCustomerWhenItsChecklistIsComplete() throws {
        let lifecycle = Lifecycle(
            stages: Lifecycle.standard.stages,
            transitions: [StageTransition(from: ["onboarding"], to: "adoption", when: try Condition(parsing: "checklist_complete(\"onboarding\")"))])
        let customer = Customer(id: "acme", name: "Acme", csm: "alice", stage: "onboarding", stageEntered: at("2026-11-02T09:00:00"))
        let now = at("2026-11-20T12:00:00")
        func changes(_ complete: Set<String>) -> [StageChange] {
            lifecycle.changes(
                for: customer, facts: { CustomerFacts(customer: $0, today: CivilDate("2026-11-20")!, zone: self.newYork, completeChecklists: complete) },
                now: now, zone: newYork, calendar: .standard)
        }
        #expect(changes([]).isEmpty)
        #expect(changes(["onboarding"]) == [StageChange(customer: "acme", stage: "adoption", at: now, cause: "lifecycle: when checklist_complete(\"onboarding\")")])
    }
}
