import Foundation
import KizunaCore
import KizunaStore
import Testing

@Suite("Owner calendars")
struct CalendarExportTests {
    private func events(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }
    }

    @Test("one file per owner, rewritten only when it changes; a stale owner's file empties")
    func ownerFiles() throws {
        try withTemporaryFolder { folder in
            let store = try Store(stateDirectory: folder)
            try store.upsert(customers: [Sample.customer("acme"), Sample.customer("globex")], at: Sample.monday)
            let plan = [
                Sample.task("acme", day: 1), Sample.task("acme", day: 8), Sample.task("globex", day: 2, owner: "ren san"),
                Sample.task("globex", day: 20, owner: "ren san"),
            ]
            try store.materialize(plan)
            let directory = folder + "/calendars"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".write(toFile: directory + "/gone.ics", atomically: true, encoding: .utf8)
            try "notes".write(toFile: directory + "/README", atomically: true, encoding: .utf8)

            let written = try store.writeOwnerCalendars(to: directory, days: 10, now: Sample.monday, zone: .utc)
            #expect(written == [directory + "/aiko.ics", directory + "/gone.ics", directory + "/ren_san.ics"])
            #expect(try events(directory + "/aiko.ics") == ["UID:\(plan[0].id.hex)@kizuna", "UID:\(plan[1].id.hex)@kizuna"])
            #expect(try events(directory + "/ren_san.ics") == ["UID:\(plan[2].id.hex)@kizuna"])
            #expect(try String(contentsOfFile: directory + "/ren_san.ics", encoding: .utf8).contains("X-WR-CALNAME:Kizuna: ren san\r\n"))
            #expect(try events(directory + "/gone.ics") == [])
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["README", "aiko.ics", "gone.ics", "ren_san.ics"])

            #expect(try store.writeOwnerCalendars(to: directory, days: 10, now: Sample.monday, zone: .utc) == [])
            try store.complete(plan[2].id, note: nil, at: Sample.at(day: 2), actor: "ren san")
            #expect(try store.writeOwnerCalendars(to: directory, days: 10, now: Sample.monday, zone: .utc) == [directory + "/ren_san.ics"])
            #expect(try events(directory + "/ren_san.ics") == [])
        }
    }

    @Test("a folder that cannot be made is an error naming it")
    func unwritableFolder() throws {
        try withStore { store in
            let error = #expect(throws: CalendarExportError.self) {
                try store.writeOwnerCalendars(to: "/proc/kizuna/calendars", days: 10, now: Sample.monday, zone: .utc)
            }
            #expect(error?.description.hasPrefix("cannot write the calendar `/proc/kizuna/calendars`") == true)
        }
    }
}
