import Foundation
import Testing

@Suite struct TaskCommandTests {
    let sandbox: Sandbox
    let actor = ["KIZUNA_ACTOR": "aiko"]

    init() throws {
        sandbox = try Sandbox()
    }

    /// Today's tasks of `owner`, as `today --json` reports them.
    private func today(_ owner: String, environment: [String: String] = [:]) throws -> [TaskJSON] {
        let result = try sandbox.run(["today", "--json", "--owner", owner], environment: environment)
        return try JSONDecoder().decode(TodayJSON.self, from: Data(result.stdout.utf8)).owners.flatMap(\.tasks)
    }

    private func acmeToday() throws -> TaskJSON {
        try #require(
            try today("alice").first { $0.customer == "acme-corp" && $0.playbook == "onboarding-weekly" && $0.start.hasPrefix("2026-11-24") })
    }

    private func show(_ id: String) throws -> ShowJSON {
        let result = try sandbox.run(["show", id, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode(ShowJSON.self, from: Data(result.stdout.utf8))
    }

    @Test func doneTakesAShortIDAndRecordsTheNote() throws {
        let task = try acmeToday()
        let result = try sandbox.run(["done", task.shortID, "--note", "Went well"], environment: actor)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "\(task.shortID) done: Onboarding follow-up: Acme Corp\n")
        #expect(try !today("alice").contains { $0.id == task.id })
        let shown = try show(String(task.id.prefix(5)))
        #expect(shown.state == "done")
        #expect(shown.history.map(\.kind) == ["created", "done"])
        #expect(shown.history.last?.actor == "aiko")
        #expect(shown.history.last?.note == "Went well")

        let again = try sandbox.run(["done", task.shortID])
        #expect(again.status == 1)
        #expect(again.stderr.contains("is done since"))
        // Planning again leaves the done task alone.
        #expect(try sandbox.run(["plan"]).status == 0)
        #expect(try show(task.shortID).state == "done")
    }

    @Test func unknownAndMalformedIDsAreErrors() throws {
        let unknown = try sandbox.run(["done", "0000000"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no task id starts with `0000000`"))
        let malformed = try sandbox.run(["done", "xyz"])
        #expect(malformed.status == 1)
        #expect(malformed.stderr.contains("is not a task id"))
        let show = try sandbox.run(["show", "nobody"])
        #expect(show.status == 2)
        #expect(show.stderr.contains("no customer `nobody` and no task id"))
    }

    @Test func skipNeedsAReason() throws {
        let task = try acmeToday()
        #expect(try sandbox.run(["skip", task.shortID]).status == 64)
        let result = try sandbox.run(["skip", task.shortID, "--reason", "customer on leave"])
        #expect(result.status == 0, "\(result.stderr)")
        let shown = try show(task.shortID)
        #expect(shown.state == "skipped")
        #expect(shown.note == "customer on leave")
    }

    @Test func aSnoozeHidesTheTaskUntilItEndsAndSurvivesPlanning() throws {
        let task = try acmeToday()
        let result = try sandbox.run(["snooze", task.shortID, "--until", "+3d"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("(until Fri 2026-11-27 09:30)\n"))
        #expect(try !today("alice").contains { $0.id == task.id })
        #expect(try sandbox.run(["plan"]).status == 0)
        #expect(try show(task.shortID).state == "snoozed")
        let friday = try today("alice", environment: ["KIZUNA_NOW": "2026-11-27T10:00:00-05:00"])
        #expect(friday.first { $0.id == task.id }?.state == "open")
    }

    @Test func aSnoozeNeedsAReadableFutureInstant() throws {
        let task = try acmeToday()
        let unreadable = try sandbox.run(["snooze", task.shortID, "--until", "someday"])
        #expect(unreadable.status == 1)
        #expect(unreadable.stderr.contains("--until: cannot read `someday`"))
        #expect(unreadable.stderr.contains("next monday"))
        let past = try sandbox.run(["snooze", task.shortID, "--until", "2026-11-01"])
        #expect(past.status == 1)
        #expect(past.stderr.contains("a snooze must end after it starts"))
    }

    @Test func assignMovesTheTaskToAnotherListForGood() throws {
        let task = try acmeToday()
        let result = try sandbox.run(["assign", task.shortID, "bob"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try !today("alice").contains { $0.id == task.id })
        #expect(try sandbox.run(["plan"]).status == 0)
        #expect(try today("bob").contains { $0.id == task.id && $0.owner == "bob" })
    }

    @Test func pauseCancelsAndStopsRefiring() throws {
        let result = try sandbox.run(["pause", "onboarding-weekly", "--customer", "acme-corp", "--until", "2026-12-10"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("onboarding-weekly paused for acme-corp until Thu 2026-12-10 00:00; "))
        #expect(try !today("alice").contains { $0.customer == "acme-corp" && $0.playbook == "onboarding-weekly" })
        #expect(try sandbox.run(["plan"]).status == 0)
        #expect(try !today("alice").contains { $0.customer == "acme-corp" && $0.playbook == "onboarding-weekly" })
        let timeline = try show("acme-corp").timeline ?? []
        #expect(timeline.contains { $0.kind == "cancelled" && $0.note?.hasPrefix("paused until 2026-12-10") == true })
    }

    @Test func pauseNamesUnknownPlaybooksAndCustomers() throws {
        let playbook = try sandbox.run(["pause", "onboarding-weakly", "--customer", "acme-corp", "--until", "+1w"])
        #expect(playbook.status == 1)
        #expect(playbook.stderr.contains("did you mean `onboarding-weekly`?"))
        let customer = try sandbox.run(["pause", "onboarding-weekly", "--customer", "acme", "--until", "+1w"])
        #expect(customer.status == 2)
        #expect(customer.stderr.contains("no customer `acme`"))
    }

    @Test func showPrintsATaskWithItsChecklistAndACustomerWithItsTimeline() throws {
        let task = try acmeToday()
        let text = try sandbox.run(["show", task.shortID])
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("\(task.shortID) Onboarding follow-up: Acme Corp  open\n"))
        #expect(text.stdout.contains("Checklist\n  [ ] Review setup progress against the success plan\n"))
        #expect(text.stdout.contains("History\n  Tue 2026-11-24 09:30  created by kizuna\n"))
        let customer = try sandbox.run(["show", "acme-corp"])
        #expect(customer.status == 0)
        #expect(customer.stdout.hasPrefix("Acme Corp (acme-corp)  onboarding\n"))
        #expect(customer.stdout.contains("entered stage onboarding (import)"))
    }
}

struct TaskJSON: Decodable {
    let id: String
    let shortID: String
    let playbook: String
    let customer: String
    let owner: String
    let start: String
    let state: String

    enum CodingKeys: String, CodingKey {
        case id, shortID = "short_id", playbook, customer, owner, start, state
    }
}

private struct TodayJSON: Decodable {
    struct Group: Decodable {
        let tasks: [TaskJSON]
    }

    let owners: [Group]
}

/// `show --json` of a task or of a customer.
struct ShowJSON: Decodable {
    struct Event: Decodable {
        let kind: String
        let actor: String?
        let note: String?
    }

    let state: String?
    let note: String?
    let history: [Event]
    let timeline: [Event]?

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        state = try container.decodeIfPresent(String.self, forKey: .state)
        note = try container.decodeIfPresent(String.self, forKey: .note)
        history = try container.decodeIfPresent([Event].self, forKey: .history) ?? []
        timeline = try container.decodeIfPresent([Event].self, forKey: .timeline)
    }

    private enum Key: String, CodingKey {
        case state, note, history, timeline
    }
}
