import Foundation
import Testing

@Suite struct TodayCommandTests {
    let sandbox: Sandbox

    init() throws {
        sandbox = try Sandbox()
    }

    private func today(_ arguments: [String] = [], environment: [String: String] = [:]) throws -> KizunaBinary.Result {
        try sandbox.run(["today"] + arguments, environment: environment)
    }

    @Test func jsonGroupsByOwnerMostUrgentFirst() throws {
        let result = try today(["--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try JSONDecoder().decode(TodayJSON.self, from: Data(result.stdout.utf8))
        #expect(report.date == "2026-11-24")
        #expect(report.timezone == "America/New_York")
        #expect(report.owners.map(\.owner) == report.owners.map(\.owner).sorted())
        for group in report.owners {
            #expect(group.tasks.allSatisfy { $0.owner == group.owner })
            #expect(group.tasks.map(\.urgency) == group.tasks.map(\.urgency).sorted(by: >))
        }
        let tasks = report.owners.flatMap(\.tasks)
        #expect(Set(tasks.map(\.id)).count == tasks.count)
        // Every onboarding customer has its Tuesday follow-up today, beside last week's, caught up as overdue.
        let onboarding = tasks.filter { $0.playbook == "onboarding-weekly" }
        #expect(onboarding.filter { $0.start.hasPrefix("2026-11-24") }.count == 10)
        let caughtUp = onboarding.filter { $0.start < "2026-11-24" }
        #expect(!caughtUp.isEmpty && caughtUp.allSatisfy { $0.overdue && $0.start.hasPrefix("2026-11-17") })
        // A `when:` play fires on the customer's day: Sydney's risk call starts on its Wednesday.
        #expect(tasks.filter { $0.playbook != "health-risk" }.allSatisfy { $0.start < "2026-11-25" })
    }

    @Test func tasksKeepTheCustomersZone() throws {
        let result = try today(["--json", "--owner", "bob"])
        let report = try JSONDecoder().decode(TodayJSON.self, from: Data(result.stdout.utf8))
        let tasks = report.owners.flatMap(\.tasks)
        #expect(report.owners.map(\.owner) == ["bob"])
        // Hooli is in Sydney: its Tuesday 10:00 call was Monday evening in New York.
        let hooli = try #require(tasks.first { $0.customer == "hooli" && $0.playbook == "onboarding-weekly" })
        #expect(hooli.start == "2026-11-24T10:00:00+11:00")
        #expect(hooli.due == "2026-11-25T10:00:00+11:00")
        #expect(hooli.title == "Onboarding follow-up: Hooli")
        #expect(hooli.id.hasPrefix(hooli.shortID) && hooli.shortID.count == 7)
    }

    @Test func theTerminalListIsPlainWhenPiped() throws {
        let result = try today(["--owner", "alice"])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("\u{1B}["))
        #expect(result.stdout.hasPrefix("Today, Tuesday 2026-11-24 (America/New_York)\n\nalice · 13 tasks\n"))
        #expect(result.stdout.contains("Onboarding follow-up: Acme Corp"))
        #expect(result.stdout.contains("overdue 5d"))
    }

    @Test func withoutAStoreItSaysHowToMakeOne() throws {
        let empty = try Sandbox(planned: false)
        let result = try empty.run(["today"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("there is no store at \(empty.storePath) yet"))
        #expect(result.stderr.contains("kizuna import customers FILE`, then `kizuna plan`"))
        #expect(!FileManager.default.fileExists(atPath: empty.storePath))
    }

    @Test func itReadsTheStoreAsItIsAtTheInstant() throws {
        // A day later, without planning again, the Tuesday follow-ups are overdue and nothing new appears.
        let result = try today(["--json"], environment: ["KIZUNA_NOW": "2026-11-25T12:00:00-05:00"])
        let report = try JSONDecoder().decode(TodayJSON.self, from: Data(result.stdout.utf8))
        let acme = report.owners.flatMap(\.tasks).filter { $0.customer == "acme-corp" && $0.playbook == "onboarding-weekly" }
        #expect(acme.count == 2)
        #expect(acme.allSatisfy { $0.overdue })
    }

    @Test func aBadClockOverrideIsAnError() throws {
        let result = try today(environment: ["KIZUNA_NOW": "yesterday"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("KIZUNA_NOW: expected an ISO 8601 date-time"))
    }

    @Test func aBrokenConfigurationNamesItsPlace() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kizuna-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("kizuna.yaml")
        try "kizuna: 1\ntimezone: America/New_Yrok\n".write(to: config, atomically: true, encoding: .utf8)
        let result = try today(environment: ["KIZUNA_CONFIG": config.path])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("\(config.path):2:11: error: "))
        #expect(result.stderr.contains("America/New_Yrok"))
    }

    @Test func aMissingConfigurationIsAnError() throws {
        let result = try today(environment: ["KIZUNA_CONFIG": "/nonexistent/kizuna.yaml"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("/nonexistent/kizuna.yaml"))
    }
}

private struct TodayJSON: Decodable {
    struct Group: Decodable {
        let owner: String
        let tasks: [Task]
    }

    struct Task: Decodable {
        let id: String
        let shortID: String
        let playbook: String
        let customer: String
        let owner: String
        let title: String
        let start: String
        let due: String
        let urgency: Double
        let overdue: Bool
        let state: String

        enum CodingKeys: String, CodingKey {
            case id, shortID = "short_id", playbook, customer, owner, title, start, due, urgency, overdue, state
        }
    }

    let date: String
    let timezone: String
    let owners: [Group]
}
