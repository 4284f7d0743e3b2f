import Foundation
import Testing

@testable import KizunaCore

@Suite struct ICalendarHolidaysTests {
    private func fixture() throws -> [CivilDate: String] {
        let url = try #require(Bundle.module.url(forResource: "us-holidays-2026-2027", withExtension: "ics", subdirectory: "Fixtures"))
        return try ICalendarHolidays.parse(try String(contentsOf: url, encoding: .utf8), file: "us-holidays-2026-2027.ics")
    }

    private func day(_ text: String) -> CivilDate { CivilDate(text)! }

    @Test func readsTheSampleUSHolidays() throws {
        let holidays = try fixture()
        #expect(holidays.count == 22)
        #expect(holidays[day("2026-01-01")] == "New Year's Day")
        #expect(holidays[day("2027-01-01")] == "New Year's Day")
        #expect(holidays[day("2028-01-01")] == nil)
        // A folded line with an escaped comma.
        #expect(holidays[day("2026-01-19")] == "Birthday of Martin Luther King, Jr.")
        // DTEND is exclusive: Thursday and Friday.
        #expect(holidays[day("2026-11-26")] == "Thanksgiving Day and the day after")
        #expect(holidays[day("2026-11-27")] == "Thanksgiving Day and the day after")
        #expect(holidays[day("2026-11-28")] == nil)
        #expect(holidays[day("2027-12-25")] == "Christmas Day")
        #expect(holidays[day("2027-12-24")] == "Christmas Day (observed)")
    }

    @Test func theLastBusinessDayOf2027MovesOffTheObservedNewYear() throws {
        let context = ScheduleContext(zone: .utc, calendar: BusinessCalendar(holidays: try fixture()))
        #expect(
            try expand("every month on the last business day", anchor: "2027-11-01", count: 2, context: context)
                == ["2027-11-30 09:00", "2027-12-30 09:00"])
        #expect(
            try expand("every business day at 10:00", anchor: "2026-12-23", count: 3, context: context)
                == ["2026-12-23 10:00", "2026-12-24 10:00", "2026-12-28 10:00"])
    }

    private func calendar(_ lines: [String]) -> String {
        (["BEGIN:VCALENDAR"] + lines + ["END:VCALENDAR"]).joined(separator: "\n")
    }

    @Test func yearlyRules() throws {
        let leap = calendar(["BEGIN:VEVENT", "DTSTART;VALUE=DATE:20240229", "RRULE:FREQ=YEARLY;UNTIL=20321231", "SUMMARY:Leap day", "END:VEVENT"])
        #expect(try ICalendarHolidays.parse(leap, file: "leap.ics").keys.sorted().map(\.description) == ["2024-02-29", "2028-02-29", "2032-02-29"])
        let everyOther = calendar(["BEGIN:VEVENT", "DTSTART:20260501T090000Z", "RRULE:FREQ=YEARLY;INTERVAL=2;COUNT=3", "END:VEVENT"])
        #expect(try ICalendarHolidays.parse(everyOther, file: "x.ics") == [day("2026-05-01"): "Holiday", day("2028-05-01"): "Holiday", day("2030-05-01"): "Holiday"])
        let openEnded = calendar(["BEGIN:VEVENT", "DTSTART;VALUE=DATE:20261225", "RRULE:FREQ=YEARLY", "END:VEVENT"])
        #expect(try ICalendarHolidays.parse(openEnded, file: "x.ics").count == ICalendarHolidays.openEndedYears)
    }

    @Test func reportsEveryProblemWithItsPlace() {
        let text = calendar([
            "BEGIN:VEVENT", "DTSTART;VALUE=DATE:2026131", "END:VEVENT",
            "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20261126", "RRULE:FREQ=YEARLY;BYDAY=4TH", "END:VEVENT",
            "BEGIN:VEVENT", "SUMMARY:Nothing", "END:VEVENT",
            "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20261126", "RRULE:FREQ=MONTHLY", "END:VEVENT",
            "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20261126", "DTEND;VALUE=DATE:20261126", "END:VEVENT",
            "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20261126",
        ])
        #expect(throws: DiagnosticList.self) { try ICalendarHolidays.parse(text, file: "team.ics") }
        do {
            _ = try ICalendarHolidays.parse(text, file: "team.ics")
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "team.ics:3:20: error: expected a date such as 20261225 or a date-time such as 20261225T090000, found `2026131`",
                    "team.ics:7:7: error: unsupported RRULE part `BYDAY=4TH`: holiday rules may only use FREQ=YEARLY with INTERVAL, COUNT or UNTIL (list such holidays as one event per date)",
                    "team.ics:9:1: error: a holiday event needs a DTSTART",
                    "team.ics:14:7: error: unsupported RRULE `FREQ=MONTHLY`: holiday rules must be FREQ=YEARLY (list such holidays as one event per date)",
                    "team.ics:18:18: error: DTEND must be after DTSTART",
                    "team.ics:20:1: error: expected END:VEVENT before the end of the file",
                ])
        }
    }

    @Test func unfoldsContinuationLines() {
        let lines = ICalendarHolidays.unfold("SUMMARY:New \r\n Year\r\n\tDay\r\nEND:VEVENT\r\n")
        #expect(lines.map(\.text) == ["SUMMARY:New YearDay", "END:VEVENT"])
        #expect(lines.map(\.number) == [1, 4])
    }
}
