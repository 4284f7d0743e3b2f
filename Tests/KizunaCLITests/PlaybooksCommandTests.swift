import Foundation
import Testing

@Suite struct PlaybooksCommandTests {
    let example = ["--config", "examples/kizuna.yaml"]

    @Test func theShippedPlaybooksAreValid() throws {
        let result = try KizunaBinary.run(["playbooks", "check"] + example)
        #expect(result.stderr == "")
        #expect(result.stdout == "9 playbooks OK\n")
        #expect(result.status == 0)
    }

    @Test func checkPrintsEveryErrorWithItsPlaceAndFails() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kizuna-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("weekly.yaml")
        try """
            kizuna: 1
            playbook: weekly
            title: Weekly
            cadence:
              every: week
              on: tuesday
            task:
              title: "Call {{ customer.nmae }}"
              priority: urgent
            """.write(to: file, atomically: true, encoding: .utf8)

        let result = try KizunaBinary.run(["playbooks", "check", file.path, "playbooks"])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("\(file.path):8:19: error: unknown template variable `customer.nmae`"))
        #expect(lines[0].hasSuffix("(did you mean `customer.name`?)"))
        #expect(lines[1].hasPrefix("\(file.path):9:13: error: "))
        #expect(lines[1].contains("urgent"))
        #expect(result.stdout == "2 errors in 1 file\n")
    }

    @Test func explainDatesEveryStepAndReminder() throws {
        let result = try Sandbox().run(
            ["playbooks", "explain", "renewal-preparation", "--customer", "oscorp", "--from", "2026-11-01", "--to", "2027-03-31", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let explanation = try JSONDecoder().decode(ExplanationJSON.self, from: Data(result.stdout.utf8))
        #expect(explanation.timezone == "Europe/Berlin")
        #expect(explanation.occurrences.count == 1)
        let tasks = explanation.occurrences[0].tasks
        #expect(tasks.map(\.step) == ["review", "proposal", "confirmation"])
        // Renewal on Monday 2027-03-01: 90, 60 and 30 days before, at 09:00 in Berlin.
        #expect(tasks.map(\.start) == ["2026-12-01T09:00:00+01:00", "2026-12-31T09:00:00+01:00", "2027-01-30T09:00:00+01:00"])
        #expect(tasks[0].due == "2026-12-08T09:00:00+01:00")
        #expect(tasks[0].title == "Renewal review for Oscorp (renews 2027-03-01)")
        #expect(tasks[0].reminders.map(\.recipient) == ["bob", "dana"])
        #expect(tasks[0].reminders.map(\.at) == ["2026-12-08T09:00:00+01:00", "2026-12-10T09:00:00+01:00"])
    }

    @Test func explainNamesAnUnknownPlaybookWithAHint() throws {
        let result = try KizunaBinary.run(
            ["playbooks", "explain", "renewal-preparaton", "--customer", "oscorp", "--from", "2026-11-01", "--to", "2026-12-01"] + example)
        #expect(result.status == 1)
        #expect(result.stderr.contains("no playbook `renewal-preparaton`"))
        #expect(result.stderr.contains("did you mean `renewal-preparation`?"))
    }

    @Test func explainNamesAnUnknownCustomerWithAHint() throws {
        let result = try Sandbox().run(
            ["playbooks", "explain", "renewal-preparation", "--customer", "oscrop", "--from", "2026-11-01", "--to", "2026-12-01"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no customer `oscrop` in the store at "))
        #expect(result.stderr.contains("did you mean `oscorp`?"))
    }

    @Test func explainRejectsABadDate() throws {
        let result = try KizunaBinary.run(
            ["playbooks", "explain", "renewal-preparation", "--customer", "oscorp", "--from", "2026-02-30", "--to", "2026-12-01"] + example)
        #expect(result.status == 1)
        #expect(result.stderr == "error: --from: expected a date such as 2026-12-01, found `2026-02-30`\n")
    }
}

private struct ExplanationJSON: Decodable {
    struct Occurrence: Decodable {
        let occurrence: String
        let tasks: [Task]
    }

    struct Task: Decodable {
        let step: String
        let title: String
        let start: String
        let due: String
        let reminders: [Reminder]
    }

    struct Reminder: Decodable {
        let at: String
        let recipient: String
    }

    let timezone: String
    let occurrences: [Occurrence]
}
