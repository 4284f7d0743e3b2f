import Foundation
import Testing

@Suite struct PlanCommandTests {
    @Test func planningTwiceChangesNothing() throws {
        let sandbox = try Sandbox()
        let result = try sandbox.run(["plan"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Planned 2026-11-24 to 2026-12-15: 0 created, 0 updated, 0 cancelled, "))
        #expect(result.stdout.hasSuffix(" unchanged, 0 paused\n"))
    }

    @Test func aRemovedPlaybookCancelsItsOpenTasks() throws {
        let sandbox = try Sandbox()
        let before = try sandbox.run(["today", "--owner", "alice"]).stdout
        #expect(before.contains("Onboarding follow-up: Acme Corp"))
        try FileManager.default.removeItem(at: sandbox.playbooks.appendingPathComponent("onboarding-weekly.yaml"))
        let result = try sandbox.run(["plan"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains(" 0 cancelled"))
        let after = try sandbox.run(["today", "--owner", "alice"]).stdout
        #expect(!after.contains("Onboarding follow-up: Acme Corp"))
    }

    @Test func aBrokenPlaybookChangesNothing() throws {
        let sandbox = try Sandbox()
        _ = try sandbox.write("kizuna: 1\nplaybook: broken\n", to: "playbooks/broken.yaml")
        let result = try sandbox.run(["plan"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("broken.yaml"))
    }

    @Test func planningTheNextDayMaterializesTheNewHorizonDay() throws {
        let sandbox = try Sandbox()
        let result = try sandbox.run(["plan"], environment: ["KIZUNA_NOW": "2026-11-25T09:30:00-05:00"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Planned 2026-11-25 to 2026-12-16: "))
    }
}

@Suite struct UpcomingCommandTests {
    @Test func upcomingListsTheComingDaysInOrder() throws {
        let sandbox = try Sandbox()
        let result = try sandbox.run(["upcoming", "--days", "14", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try JSONDecoder().decode(UpcomingJSON.self, from: Data(result.stdout.utf8))
        #expect(report.from == "2026-11-25")
        #expect(report.to == "2026-12-08")
        #expect(!report.tasks.isEmpty)
        #expect(report.tasks.map(\.start) == report.tasks.map(\.start).sorted { Self.instant($0) < Self.instant($1) })
        // Next Tuesday's onboarding follow-ups are planned.
        #expect(report.tasks.filter { $0.playbook == "onboarding-weekly" && $0.start.hasPrefix("2026-12-01") }.count == 10)
    }

    @Test func theTextListIsByDay() throws {
        let result = try Sandbox().run(["upcoming", "--owner", "alice"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Upcoming, 2026-11-25 to 2026-12-01 (America/New_York)\n"))
        #expect(result.stdout.contains("\nTue 2026-12-01\n"))
        #expect(!result.stdout.contains(" bob "))
    }

    @Test func daysMustBePositive() throws {
        let result = try Sandbox(planned: false).run(["upcoming", "--days", "0"])
        #expect(result.status == 64)
    }

    private static func instant(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text) ?? .distantPast
    }
}

private struct UpcomingJSON: Decodable {
    struct Task: Decodable {
        let playbook: String
        let start: String
    }

    let from: String
    let to: String
    let tasks: [Task]
}

@Suite struct PlanDiffTests {
    let sandbox: Sandbox

    init() throws {
        sandbox = try Sandbox()
    }

    /// A copy of the sandbox's playbooks in `edited/`, changed by `edit`.
    private func editedPlaybooks(_ edit: (URL) throws -> Void) throws -> String {
        let folder = sandbox.folder.appendingPathComponent("edited")
        try FileManager.default.copyItem(at: sandbox.playbooks, to: folder)
        try edit(folder)
        return folder.path
    }

    private func diff(_ folder: String) throws -> DiffJSON {
        let result = try sandbox.run(["plan", "--diff", "--playbooks", folder, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode(DiffJSON.self, from: Data(result.stdout.utf8))
    }

    @Test func theSamePlaybooksChangeNothing() throws {
        let result = try sandbox.run(["plan", "--diff"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "Planning 2026-11-24 to 2026-12-15 would:\n0 to create, 0 to move, 0 to update, 0 to cancel\n")
    }

    @Test func aRemovedPlaybookWouldCancelItsTasksAndNothingChangesUntilPlanned() throws {
        let folder = try editedPlaybooks { folder in
            try FileManager.default.removeItem(at: folder.appendingPathComponent("onboarding-weekly.yaml"))
        }
        let report = try diff(folder)
        #expect(report.cancelled > 0 && report.created == 0 && report.moved == 0)
        #expect(report.changes.allSatisfy { $0.change == "cancel" && $0.reason == "playbook removed" && $0.playbook == "onboarding-weekly" })
        #expect(try self.diff(folder).cancelled == report.cancelled)
        let text = try sandbox.run(["plan", "--diff", "--playbooks", folder]).stdout
        #expect(text.contains("  cancel  "))
        #expect(text.contains("(playbook removed)"))
    }

    @Test func aMovedCadenceWouldMoveAndCreateAndPlanningThenDoesExactlyThat() throws {
        let folder = try editedPlaybooks { folder in
            let file = folder.appendingPathComponent("onboarding-weekly.yaml")
            let text = try String(contentsOf: file, encoding: .utf8)
            try text.replacingOccurrences(of: "on: tuesday", with: "on: wednesday").write(to: file, atomically: true, encoding: .utf8)
        }
        let report = try diff(folder)
        #expect(report.created > 0)
        #expect(report.cancelled > 0)
        // Planning with the edited folder as the configured one does what the diff said.
        let config = try String(contentsOfFile: sandbox.config, encoding: .utf8)
        try config.replacingOccurrences(of: "playbooks: ../playbooks", with: "playbooks: ../edited")
            .write(toFile: sandbox.config, atomically: true, encoding: .utf8)
        let plan = try sandbox.run(["plan"])
        #expect(plan.stdout.contains(": \(report.created) created, \(report.moved + report.updated) updated, \(report.cancelled) cancelled,"))
    }

    @Test func diffNeedsAStoreAndJSONNeedsDiff() throws {
        #expect(try Sandbox(planned: false).run(["plan", "--diff"]).status == 3)
        #expect(try sandbox.run(["plan", "--json"]).status == 64)
    }
}

private struct DiffJSON: Decodable {
    struct Change: Decodable {
        let change: String
        let playbook: String
        let reason: String?
    }

    let created: Int
    let moved: Int
    let updated: Int
    let cancelled: Int
    let changes: [Change]
}
