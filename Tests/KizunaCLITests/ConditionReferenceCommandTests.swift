import Foundation
import Testing

/// Conditions naming metrics the health model does not know, or playbooks no file declares,
/// through `kizuna` on a copy of the example.
@Suite(.timeLimit(.minutes(5))) struct ConditionReferenceCommandTests {
    /// The example with its health model and lifecycle, not imported.
    static func sandbox() throws -> Sandbox {
        let sandbox = try Sandbox(planned: false)
        for name in ["health.yaml", "lifecycle.yaml"] {
            try FileManager.default.copyItem(
                at: KizunaBinary.repository.appendingPathComponent("examples/\(name)"), to: sandbox.examples.appendingPathComponent(name))
        }
        return sandbox
    }

    static func edit(_ file: URL, _ old: String, _ new: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(old))
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }

    @Test func anUnknownMetricOrPlaybookStopsPlanningAndCheckAtItsPlace() throws {
        let sandbox = try Self.sandbox()
        #expect(try sandbox.run(["playbooks", "check"]).stdout == "9 playbooks OK\n")
        let churn = sandbox.playbooks.appendingPathComponent("churn-signal.yaml")
        try Self.edit(churn, "pct_change(logins, 28 days)", "pct_change(login, 28 days)")
        let lifecycle = sandbox.examples.appendingPathComponent("lifecycle.yaml")
        try Self.edit(lifecycle, "checklist_complete(\"onboarding-checklist\")", "checklist_complete(\"onboarding-checklst\")")
        let expected = [
            "\(lifecycle.path):10:31: error: unknown playbook `onboarding-checklst` (did you mean `onboarding-checklist`?)",
            "\(churn.path):12:18: error: unknown metric `login`: the health model does not name it (did you mean `logins`?)",
        ]
        let plan = try sandbox.run(["plan"])
        #expect(plan.status == 1)
        #expect(plan.stderr.split(separator: "\n").map(String.init) == expected, "\(plan.stderr)")
        let check = try sandbox.run(["playbooks", "check"])
        #expect(check.status == 1)
        #expect(check.stderr.split(separator: "\n").map(String.init) == expected, "\(check.stderr)")
    }

    @Test func withoutAMetricsListSignalsAndConditionsKeepToTheMeasuredMetrics() throws {
        let sandbox = try Self.sandbox()
        let health = sandbox.examples.appendingPathComponent("health.yaml")
        try Self.edit(health, "metrics: [logins, feature_adoption, open_tickets, nps, seat_utilization]\n", "")
        // The expansion play reads seat_utilization, which no measure scores.
        let plan = try sandbox.run(["plan"])
        #expect(plan.status == 1)
        #expect(plan.stderr.contains("expansion-conversation.yaml:11:24: error: unknown metric `seat_utilization`"), "\(plan.stderr)")
        try Self.edit(
            sandbox.playbooks.appendingPathComponent("expansion-conversation.yaml"), "and seat_utilization >= 90", "and seats >= 90")
        #expect(try sandbox.run(["import", "customers"]).status == 0)
        let signals = try sandbox.write("customer,metric,value,date\nacme-corp,seat_utilization,95,2026-11-20\n", to: "seats.csv")
        let imported = try sandbox.run(["import", "signals", signals])
        #expect(imported.status == 1)
        #expect(imported.stderr.contains("seats.csv:2:1: error: field `metric`: unknown metric `seat_utilization`"), "\(imported.stderr)")
    }
}
