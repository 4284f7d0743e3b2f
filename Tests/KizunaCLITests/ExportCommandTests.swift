import Foundation
import Testing

/// `kizuna export ics` as a calendar program reads it: parsed by Python's icalendar package
/// (`make setup` installs it).
@Suite(.timeLimit(.minutes(5))) struct ExportCommandTests {
    let sandbox: Sandbox

    init() throws {
        sandbox = try Sandbox()
    }

    /// What icalendar reads from a calendar: its name and its events, after a round trip
    /// through its own writer (which must give back the same events).
    struct Parsed: Decodable {
        struct Event: Decodable, Equatable {
            let uid: String
            let sequence: Int
            let start: String
            let end: String
            let stamp: String
            let summary: String
            let description: String
            let categories: [String]
        }

        let name: String
        let events: [Event]
        let roundTrip: Bool
    }

    private static let parser = """
        import json, sys
        from icalendar import Calendar
        def events(calendar):
            return [{"uid": str(e["UID"]), "sequence": int(e["SEQUENCE"]), "start": e.decoded("DTSTART").isoformat(),
                     "end": e.decoded("DTEND").isoformat(), "stamp": e.decoded("DTSTAMP").isoformat(),
                     "summary": str(e["SUMMARY"]), "description": str(e["DESCRIPTION"]),
                     "categories": [str(c) for c in e.get("CATEGORIES").cats]} for e in calendar.walk("VEVENT")]
        calendar = Calendar.from_ical(sys.stdin.buffer.read())
        again = Calendar.from_ical(calendar.to_ical())
        print(json.dumps({"name": str(calendar["X-WR-CALNAME"]), "events": events(calendar), "roundTrip": events(again) == events(calendar)}))
        """

    private func parse(_ text: String) throws -> Parsed {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.parser]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let problem = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "icalendar could not read the calendar (run `make setup`): \(problem)")
        return try JSONDecoder().decode(Parsed.self, from: data)
    }

    private func export(_ arguments: [String] = []) throws -> String {
        let result = try sandbox.run(["export", "ics"] + arguments)
        try #require(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    @Test func anOwnersPendingTasksAreValidEventsWithTheTaskIdsAsUIDs() throws {
        let text = try export(["--owner", "alice", "--days", "7"])
        let calendar = try parse(text)
        #expect(calendar.name == "Kizuna: alice")
        #expect(calendar.roundTrip)
        let upcoming = try sandbox.run(["upcoming", "--owner", "alice", "--days", "7", "--json"])
        let today = try sandbox.run(["today", "--owner", "alice", "--json"])
        let ids = Set([upcoming.stdout, today.stdout].flatMap { $0.matches(of: /"id" : "([0-9a-f]{16})"/).map { String($0.1) } })
        #expect(!ids.isEmpty)
        #expect(Set(calendar.events.map(\.uid)) == Set(ids.map { "\($0)@kizuna" }))
        #expect(calendar.events.count == ids.count)
        let acme = try #require(calendar.events.first { $0.summary == "Onboarding follow-up: Acme Corp" && $0.start.hasPrefix("2026-11-24") })
        #expect(acme.start == "2026-11-24T15:00:00+00:00" && acme.end == "2026-11-24T15:30:00+00:00")
        #expect(acme.description.hasPrefix("Customer: Acme Corp (acme-corp)\nPlaybook: onboarding-weekly\nDue: 2026-11-25T10:00:00-05:00"))
        #expect(acme.categories == ["Kizuna", "onboarding-weekly"])
        // Every physical line ends in CRLF and holds at most 75 octets.
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.last == "" && lines.allSatisfy { $0.utf8.count <= 75 && !$0.contains("\n") })
        #expect(lines.contains { $0.hasPrefix(" ") }, "the checklists make some lines long enough to fold")
    }

    @Test func aChangedTaskKeepsItsUIDWithAHigherSequence() throws {
        let before = try parse(try export(["--owner", "alice"]))
        let event = try #require(before.events.first { $0.summary == "Onboarding follow-up: Acme Corp" && $0.start.hasPrefix("2026-11-24") })
        let id = String(event.uid.prefix(7))
        let snoozed = try sandbox.run(["snooze", id, "--until", "2026-11-26T14:00"], environment: ["KIZUNA_NOW": "2026-11-24T11:00:00-05:00"])
        #expect(snoozed.status == 0, "\(snoozed.stderr)")
        let after = try parse(try export(["--owner", "alice"]))
        let moved = try #require(after.events.first { $0.uid == event.uid })
        #expect(moved.sequence == event.sequence + 1)
        #expect(moved.start == "2026-11-26T19:00:00+00:00")
        #expect(moved.stamp == "2026-11-24T16:00:00+00:00" && moved.stamp > event.stamp)
        #expect(after.events.count == before.events.count)
        let done = try sandbox.run(["done", id])
        #expect(done.status == 0)
        #expect(try parse(try export(["--owner", "alice"])).events.allSatisfy { $0.uid != event.uid })
    }

    @Test func everyonesCalendarGoesToAFile() throws {
        let file = sandbox.folder.appendingPathComponent("team.ics").path
        #expect(try export(["--days", "3", "--output", file]).isEmpty)
        let calendar = try parse(try String(contentsOfFile: file, encoding: .utf8))
        #expect(calendar.name == "Kizuna")
        #expect(Set(calendar.events.map(\.uid)).count == calendar.events.count)
        let alices = try parse(try export(["--days", "3", "--owner", "alice"]))
        #expect(calendar.events.count > alices.events.count)
        let unwritable = try sandbox.run(["export", "ics", "--output", "/nonexistent/folder/team.ics"])
        #expect(unwritable.status == 1 && unwritable.stderr.contains("cannot write `/nonexistent/folder/team.ics`"))
    }
}
