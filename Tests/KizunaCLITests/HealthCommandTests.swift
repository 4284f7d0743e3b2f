import Foundation
import GRDB
import Testing

/// The health model, the lifecycle and the `when:` plays through `kizuna`, on the example
/// customers with the example signals (generated up to Monday 2026-11-23).
@Suite(.timeLimit(.minutes(5))) struct HealthCommandTests {
    /// A sandbox with the example's health model, lifecycle and signals, imported and planned.
    static func sandbox(now: String = Sandbox.tuesday) throws -> Sandbox {
        let sandbox = try Sandbox(now: now, planned: false)
        for name in ["health.yaml", "lifecycle.yaml", "signals.csv"] {
            try FileManager.default.copyItem(
                at: KizunaBinary.repository.appendingPathComponent("examples/\(name)"),
                to: sandbox.examples.appendingPathComponent(name))
        }
        for arguments in [["import", "customers"], ["import", "signals", "examples/signals.csv"], ["plan"]] {
            let result = try sandbox.run(arguments)
            guard result.status == 0 else { throw SandboxError(arguments: arguments, result: result) }
        }
        return sandbox
    }

    /// The stored tasks of a play, as `customer occurrence state`.
    static func tasks(_ sandbox: Sandbox, playbook: String) throws -> [String] {
        try DatabaseQueue(path: sandbox.storePath).read { db in
            try String.fetchAll(
                db, sql: "SELECT customer || ' ' || occurrence || ' ' || state FROM tasks WHERE playbook = ? ORDER BY customer, occurrence",
                arguments: [playbook])
        }
    }

    @Test func theShippedPlaysFireForTheExampleCustomers() throws {
        let sandbox = try Self.sandbox()
        #expect(try Self.tasks(sandbox, playbook: "churn-signal") == [
            "black-mesa 2026-11-24T09:00:00 open", "vandelay-industries 2026-11-24T09:00:00 open",
        ])
        #expect(try Self.tasks(sandbox, playbook: "nps-detractor") == [
            "nakatomi-trading 2026-11-24T09:00:00 open", "oscorp 2026-11-24T09:00:00 open",
        ])
        #expect(try Self.tasks(sandbox, playbook: "expansion-conversation") == [
            "pied-piper 2026-11-24T09:00:00 open", "virtucon 2026-11-24T09:00:00 open",
        ])
        let risks = try Self.tasks(sandbox, playbook: "health-risk").map { String($0.split(separator: " ")[0]) }
        #expect(risks.contains("oscorp") && risks.contains("vandelay-industries") && !risks.contains("virtucon"))
        let today = try sandbox.run(["today", "--owner", "bob"]).stdout
        #expect(today.contains("Risk call: Oscorp is at health 21"))
        #expect(today.contains("Churn signal at Vandelay Industries"))
        #expect(today.contains("Detractor follow-up: Nakatomi Trading"))
        // The renewal anchors keep working beside the triggers.
        #expect(try Self.tasks(sandbox, playbook: "renewal-preparation").count > 0)
    }

    @Test func healthListsTheWorstFirstWithTheirDriversAndTrend() throws {
        let sandbox = try Self.sandbox()
        let red = try sandbox.run(["health", "--band", "red", "--json"])
        #expect(red.status == 0, "\(red.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(red.stdout.utf8)) as? [[String: Any]])
        let scores = rows.compactMap { $0["score"] as? Double }
        #expect(scores.count == rows.count && !rows.isEmpty)
        #expect(scores == scores.sorted() && scores.allSatisfy { $0 < 40 })
        #expect(rows.contains { $0["customer"] as? String == "oscorp" })
        let drivers = try #require(rows.first?["measures"] as? [[String: Any]])
        #expect(drivers.first?["name"] as? String == "weekly logins")
        // Churned customers have no signals: unknown, not 0, and listed last.
        let all = try sandbox.run(["health"]).stdout.split(separator: "\n")
        #expect(all.last?.contains("unknown") == true)
        // Four weeks later, with one new low login count, the trend shows the fall.
        let later = "2026-12-22T09:30:00-05:00"
        let signal = try sandbox.write("customer,metric,value,date\noscorp,logins,0,2026-12-21\n", to: "late.csv")
        #expect(try sandbox.run(["import", "signals", signal], environment: ["KIZUNA_NOW": later]).status == 0)
        let oscorp = try sandbox.run(["health", "--customer", "oscorp"], environment: ["KIZUNA_NOW": later]).stdout
        #expect(oscorp.contains("↓ -"), "\(oscorp)")
    }

    @Test func aConditionThatStaysTrueMakesOneTaskThenClearsAndFiresAgainAfterTheCooldown() throws {
        let sandbox = try Self.sandbox()
        // Planned every day for three weeks, Oscorp stays a detractor: one task.
        for day in stride(from: 25, through: 30, by: 1) {
            #expect(try sandbox.run(["plan"], environment: ["KIZUNA_NOW": "2026-11-\(day)T09:30:00-05:00"]).status == 0)
        }
        #expect(try Self.tasks(sandbox, playbook: "nps-detractor").filter { $0.hasPrefix("oscorp") }.count == 1)
        // A promoter's answer clears it; a detractor's answer within the 60-day cool-down does not fire.
        let promoter = try sandbox.write("customer,metric,value,date\noscorp,nps,9,2026-12-01\n", to: "promoter.csv")
        #expect(try sandbox.run(["import", "signals", promoter], environment: ["KIZUNA_NOW": "2026-12-01T12:00:00-05:00"]).status == 0)
        #expect(try sandbox.run(["plan"], environment: ["KIZUNA_NOW": "2026-12-01T12:30:00-05:00"]).status == 0)
        let detractor = try sandbox.write("customer,metric,value,date\noscorp,nps,3,2026-12-10\n", to: "detractor.csv")
        #expect(try sandbox.run(["import", "signals", detractor], environment: ["KIZUNA_NOW": "2026-12-10T12:00:00-05:00"]).status == 0)
        #expect(try sandbox.run(["plan"], environment: ["KIZUNA_NOW": "2026-12-10T12:30:00-05:00"]).status == 0)
        #expect(try Self.tasks(sandbox, playbook: "nps-detractor").filter { $0.hasPrefix("oscorp") }.count == 1)
        // When the cool-down ends (60 days after November 24th), it fires again, on that day.
        let diff = try sandbox.run(["plan", "--diff"], environment: ["KIZUNA_NOW": "2027-01-23T09:30:00-05:00"])
        #expect(diff.stdout.contains("Detractor follow-up: Oscorp"), "\(diff.stdout)")
        #expect(diff.stdout.contains("  fire    2027-01-23  oscorp  nps-detractor\n"), "\(diff.stdout)")
        #expect(try sandbox.run(["plan"], environment: ["KIZUNA_NOW": "2027-01-23T09:30:00-05:00"]).status == 0)
        #expect(try Self.tasks(sandbox, playbook: "nps-detractor").filter { $0.hasPrefix("oscorp") } == [
            "oscorp 2026-11-24T09:00:00 open", "oscorp 2027-01-23T09:00:00 open",
        ])
    }

    @Test func theLifecycleMovesCustomersWithACauseAndChurnEndsEveryPlay() throws {
        let sandbox = try Self.sandbox()
        let mature = try sandbox.run(["show", "black-mesa"]).stdout
        #expect(mature.contains("entered stage mature (lifecycle: after 1 year in adoption)"), "\(mature)")
        let churned = try sandbox.run(["customer", "set-stage", "oscorp", "churned"])
        #expect(churned.status == 0, "\(churned.stderr)")
        let open = try Self.tasks(sandbox, playbook: "nps-detractor").filter { $0.hasPrefix("oscorp") }
        #expect(open == ["oscorp 2026-11-24T09:00:00 cancelled"])
        let note = try DatabaseQueue(path: sandbox.storePath).read { db in
            try String.fetchOne(db, sql: "SELECT note FROM tasks WHERE customer = 'oscorp' AND playbook = 'nps-detractor'")
        }
        #expect(note == "customer churned")
        let unknown = try sandbox.run(["customer", "set-stage", "oscorp", "maturе"])
        #expect(unknown.status == 1)
    }

    @Test func aCustomerMovesOnToAdoptionOnceItsOnboardingChecklistIsComplete() throws {
        let sandbox = try Self.sandbox()
        let steps = try DatabaseQueue(path: sandbox.storePath).read { db in
            try String.fetchAll(
                db, sql: "SELECT id FROM tasks WHERE customer = 'initech' AND playbook = 'onboarding-checklist' ORDER BY start")
        }
        #expect(steps.count == 4)
        // Three steps done, the last one left: Initech stays in onboarding.
        for id in steps.dropLast() { #expect(try sandbox.run(["done", id]).status == 0) }
        #expect(try sandbox.run(["plan"]).status == 0)
        #expect(try sandbox.run(["show", "initech"]).stdout.hasPrefix("Initech (initech)  onboarding\n"))
        // A skipped step counts as ticked off: the next pass moves it, with the cause in its history.
        let skipped = try sandbox.run(["skip", try #require(steps.last), "--reason", "no admins to train"])
        #expect(skipped.status == 0, "\(skipped.stderr)")
        let diff = try sandbox.run(["plan", "--diff"])
        #expect(diff.stdout.contains("initech  onboarding → adoption (lifecycle: when checklist_complete"), "\(diff.stdout)")
        let json = try sandbox.run(["plan", "--diff", "--json"]).stdout
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let moves = try #require(report["stage_changes"] as? [[String: String]])
        #expect(moves.map { [$0["customer"], $0["from"], $0["to"]] } == [["initech", "onboarding", "adoption"]])
        // The tasks are planned for the new stage: Initech's onboarding calls would end.
        let changes = try #require(report["changes"] as? [[String: Any]])
        let ending = changes.filter { $0["customer"] as? String == "initech" && $0["change"] as? String == "cancel" }
        #expect(!ending.isEmpty && ending.allSatisfy { $0["reason"] as? String == "stage changed to adoption" }, "\(changes)")
        // The diff wrote nothing: Initech is still in onboarding until a pass records the move.
        #expect(try sandbox.run(["show", "initech"]).stdout.hasPrefix("Initech (initech)  onboarding\n"))
        #expect(try sandbox.run(["plan"]).stdout.contains("1 stage changes"))
        let initech = try sandbox.run(["show", "initech"]).stdout
        #expect(initech.hasPrefix("Initech (initech)  adoption\n"), "\(initech)")
        #expect(initech.contains("entered stage adoption (lifecycle: when checklist_complete(\"onboarding-checklist\"))"), "\(initech)")
    }

    @Test func aBadHealthModelIsReportedAtItsPlace() throws {
        let sandbox = try Sandbox(planned: false)
        _ = try sandbox.write(
            """
            kizuna: 1
            metrics: [logins, nps]
            measures:
              - metric: login
                window: 28 days
                bad: 0
                good: 10
                weight: 0
              - metric: nps
                window: 90 days
                bad: 0
                good: 10
                weight: -2
            """, to: "examples/health.yaml")
        let result = try sandbox.run(["plan"])
        #expect(result.status == 1)
        let file = sandbox.examples.appendingPathComponent("health.yaml").path
        #expect(result.stderr.contains("\(file):4:13: error: unknown metric `login`"), "\(result.stderr)")
        #expect(result.stderr.contains("did you mean `logins`?"))
        #expect(result.stderr.contains("\(file):8:13: error: the weight must be positive, found `0`"))
        #expect(result.stderr.contains("\(file):13:13: error: the weight must be positive, found `-2`"))
    }

    @Test func badSignalsAreReportedByRowAndNothingIsImported() throws {
        let sandbox = try Self.sandbox()
        let file = try sandbox.write(
            """
            customer,metric,value,date
            oscorp,logins,3,2026-11-23
            nobody,logins,3,2026-11-23
            oscorp,loggins,3,2026-11-23
            oscorp,logins,many,2026-11-23
            oscorp,logins,3,2026-12-01
            """, to: "bad.csv")
        let before = try Self.signalCount(sandbox)
        let result = try sandbox.run(["import", "signals", file])
        #expect(result.status == 1)
        #expect(result.stderr.contains("bad.csv:3:1: error: field `customer`: no customer `nobody`"), "\(result.stderr)")
        #expect(result.stderr.contains("bad.csv:4:1: error: field `metric`: unknown metric `loggins`"))
        #expect(result.stderr.contains("did you mean `logins`?"))
        #expect(result.stderr.contains("bad.csv:5:") && result.stderr.contains("expected a number, found `many`"))
        #expect(result.stderr.contains("bad.csv:6:1: error: field `date`: 2026-12-01 is in the future"))
        #expect(try Self.signalCount(sandbox) == before)
    }

    static func signalCount(_ sandbox: Sandbox) throws -> Int {
        try DatabaseQueue(path: sandbox.storePath).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM signals") ?? 0 }
    }
}

extension HealthCommandTests {
    @Test func explainShowsTheTaskOfAFiredConditionPlay() throws {
        let sandbox = try Self.sandbox()
        let result = try sandbox.run([
            "playbooks", "explain", "nps-detractor", "--customer", "oscorp", "--from", "2026-11-01", "--to", "2026-12-31",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Detractor follow-up: Oscorp"), "\(result.stdout)")
    }
}
