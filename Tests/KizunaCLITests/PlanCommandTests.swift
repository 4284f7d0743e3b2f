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
