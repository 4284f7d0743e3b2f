import Foundation
import Testing

@testable import KizunaCore

@Suite struct ConfigurationLoaderTests {
    /// Writes `files` into a fresh folder and returns the folder.
    private func folder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kizuna-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test func fullConfigurationResolvesRelativePaths() throws {
        let folder = try folder([
            "kizuna.yaml": """
                kizuna: 1
                timezone: America/New_York
                playbooks: plays
                customers: data/customers.jsonl
                state_directory: ../state
                horizon: 3 weeks
                calendar:
                  work_week: [monday, tuesday, wednesday, thursday]
                  holidays:
                    - 2026-12-25
                    - { date: 2026-11-26, name: Thanksgiving }
                  holiday_files: [us.ics]
                """,
            "us.ics": "BEGIN:VCALENDAR\nEND:VCALENDAR\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("kizuna.yaml").path
        let configuration = try ConfigurationLoader.load(path: path)
        let base = folder.standardizedFileURL.path
        #expect(configuration.file == path)
        #expect(configuration.zone == Zone.named("America/New_York"))
        #expect(configuration.playbooksDirectory == base + "/plays")
        #expect(configuration.customersFile == base + "/data/customers.jsonl")
        #expect(configuration.stateDirectory == (base as NSString).deletingLastPathComponent + "/state")
        #expect(configuration.horizon == CalendarSpan(3, .week))
        #expect(configuration.calendar.workWeek == [.monday, .tuesday, .wednesday, .thursday])
        #expect(configuration.calendar.holidays == [CivilDate("2026-12-25")!: "Holiday", CivilDate("2026-11-26")!: "Thanksgiving"])
    }

    @Test func defaults() throws {
        let folder = try folder(["kizuna.yaml": "kizuna: 1\ntimezone: UTC\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let configuration = try ConfigurationLoader.load(path: folder.appendingPathComponent("kizuna.yaml").path)
        #expect(configuration.playbooksDirectory == folder.standardizedFileURL.path + "/playbooks")
        #expect(configuration.customersFile == nil)
        #expect(configuration.stateDirectory == ConfigurationLoader.defaultStateDirectory)
        #expect(configuration.horizon == CalendarSpan(14, .day))
        #expect(configuration.calendar == .standard)
    }

    @Test func everyProblemIsReportedWithItsPlace() throws {
        let folder = try folder([
            "kizuna.yaml": """
                kizuna: 2
                timezone: Europe/Pariss
                horizn: 14 days
                calendar:
                  work_week: [monday, tuesdy]
                  holidays: [2026-13-01, { name: Boxing Day }]
                  holiday_files: [missing.ics]
                """
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("kizuna.yaml").path
        #expect(throws: DiagnosticList.self) { try ConfigurationLoader.load(path: path) }
        do {
            _ = try ConfigurationLoader.load(path: path)
        } catch {
            let lines = error.diagnostics.map { $0.description.replacingOccurrences(of: path, with: "kizuna.yaml") }
            #expect(lines.count == 7)
            #expect(lines[0] == "kizuna.yaml:1:9: error: unsupported configuration schema version `2` (this version of Kizuna reads `kizuna: 1`)")
            #expect(lines[1] == "kizuna.yaml:2:11: error: unknown time zone `Europe/Pariss` (did you mean `Europe/Paris`?)")
            #expect(lines[2] == "kizuna.yaml:3:1: error: unknown key `horizn` in the configuration (did you mean `horizon`?)")
            #expect(lines[3] == "kizuna.yaml:5:23: error: expected a weekday, found `tuesdy` (did you mean `tuesday`?)")
            #expect(lines[4] == "kizuna.yaml:6:14: error: expected a date such as `2026-12-25`, found `2026-13-01`")
            #expect(lines[5] == "kizuna.yaml:6:26: error: missing required key `date` (add `date:` with the holiday's date, such as `2026-12-25`)")
            #expect(lines[6].hasPrefix("kizuna.yaml:7:19: error: cannot read the holiday file `missing.ics`"))
        }
    }

    @Test func missingFileIsADiagnostic() {
        #expect(throws: DiagnosticList.self) { try ConfigurationLoader.load(path: "/nonexistent/kizuna.yaml") }
    }

    @Test func calendarExportNamesAFolderAndDays() throws {
        let folder = try folder([
            "kizuna.yaml": "kizuna: 1\ntimezone: UTC\ncalendar_export:\n  directory: calendars\n  days: 14\n",
            "default.yaml": "kizuna: 1\ntimezone: UTC\ncalendar_export: { directory: /srv/calendars }\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let configuration = try ConfigurationLoader.load(path: folder.appendingPathComponent("kizuna.yaml").path)
        #expect(configuration.calendarExport == CalendarExportSettings(directory: folder.standardizedFileURL.path + "/calendars", days: 14))
        let defaults = try ConfigurationLoader.load(path: folder.appendingPathComponent("default.yaml").path)
        #expect(defaults.calendarExport == CalendarExportSettings(directory: "/srv/calendars", days: 30))
    }

    @Test func calendarExportProblemsHaveTheirPlace() throws {
        let folder = try folder([
            "kizuna.yaml": "kizuna: 1\ntimezone: UTC\ncalendar_export:\n  days: -1\n  folder: x\n",
            "days.yaml": "kizuna: 1\ntimezone: UTC\ncalendar_export:\n  directory: calendars\n  days: many\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        for (file, expected) in [
            ("kizuna.yaml", [
                "kizuna.yaml:5:3: error: unknown key `folder` in the calendar export settings",
                "kizuna.yaml:4:3: error: missing required key `directory`",
            ]),
            ("days.yaml", ["days.yaml:5:9: error: expected a number of days from 0 to 3660, found `many`"]),
        ] {
            let path = folder.appendingPathComponent(file).path
            let error = #expect(throws: DiagnosticList.self) { try ConfigurationLoader.load(path: path) }
            let lines = error?.diagnostics.map { $0.description.replacingOccurrences(of: path, with: file) } ?? []
            #expect(lines.count == expected.count, "\(lines)")
            for (line, prefix) in zip(lines.sorted(), expected.sorted()) {
                #expect(line.hasPrefix(prefix), "\(line)")
            }
        }
    }
}
