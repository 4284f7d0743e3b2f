import Foundation
import Testing

@Suite struct CadenceCommandTests {
    /// No configuration (the runner clears KIZUNA_CONFIG; /etc/kizuna has none): Monday-to-Friday business days.
    private func cadence(_ arguments: [String]) throws -> KizunaBinary.Result {
        try KizunaBinary.run(["cadence"] + arguments)
    }

    private func instants(_ arguments: [String]) throws -> [String] {
        let result = try cadence(arguments + ["--json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode([String].self, from: Data(result.stdout.utf8))
    }

    @Test func jsonListsInstantsWithTheirOffsetAcrossDST() throws {
        let listed = try instants(["every day at 02:30", "--tz", "America/New_York", "--start", "2026-03-07T00:00", "--count", "3"])
        #expect(listed == ["2026-03-07T02:30:00-05:00", "2026-03-08T03:30:00-04:00", "2026-03-09T02:30:00-04:00"])
    }

    @Test func biweeklyThursdaysInLondon() throws {
        let listed = try instants(["every 2 weeks on thursday at 15:00", "--tz", "Europe/London", "--start", "2026-10-19T09:00", "--count", "3"])
        #expect(listed == ["2026-10-22T15:00:00+01:00", "2026-11-05T15:00:00+00:00", "2026-11-19T15:00:00+00:00"])
    }

    @Test func dayThirtyOneIsTheMonthsLastDay() throws {
        let listed = try instants(["every month on day 31 at 09:00", "--tz", "Australia/Sydney", "--start", "2028-01-01", "--count", "4"])
        #expect(listed == ["2028-01-31T09:00:00+11:00", "2028-02-29T09:00:00+11:00", "2028-03-31T09:00:00+11:00", "2028-04-30T09:00:00+10:00"])
    }

    @Test func anRRULEKeepsRFC5545MeaningWhileTheFriendlyFormClamps() throws {
        let rule = try instants(["RRULE:FREQ=MONTHLY;BYMONTHDAY=31", "--tz", "UTC", "--start", "2026-01-01T09:00", "--count", "3"])
        #expect(rule == ["2026-01-31T09:00:00+00:00", "2026-03-31T09:00:00+00:00", "2026-05-31T09:00:00+00:00"])
        let skipBackward = try instants(
            ["RRULE:FREQ=MONTHLY;BYMONTHDAY=31;RSCALE=GREGORIAN;SKIP=BACKWARD", "--tz", "UTC", "--start", "2026-01-01T09:00", "--count", "2"])
        #expect(skipBackward == ["2026-01-31T09:00:00+00:00", "2026-02-28T09:00:00+00:00"])
        let lastWorkday = try instants(
            ["RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "--tz", "America/New_York", "--start", "2026-12-01T17:00", "--count", "2"])
        #expect(lastWorkday == ["2026-12-31T17:00:00-05:00", "2027-01-29T17:00:00-05:00"])
    }

    @Test func humanOutputNumbersTheOccurrences() throws {
        let result = try cadence(["every week on tuesday at 10:00", "--tz", "America/New_York", "--start", "2026-11-23T08:00", "--count", "2"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Time zone: America/New_York"))
        #expect(result.stdout.contains("1  Tue 2026-11-24 10:00 -05:00   (2026-11-24 15:00 UTC)"))
        #expect(result.stdout.contains("2  Tue 2026-12-01 10:00 -05:00   (2026-12-01 15:00 UTC)"))
    }

    @Test func aBadExpressionPointsAtTheWord() throws {
        let result = try cadence(["every week on tusday", "--tz", "UTC"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr == """
                error: column 15: expected a day such as `tuesday`, `first monday`, `day 15` or `march 15`, found `tusday` (did you mean `tuesday`?)
                  every week on tusday
                                ^

                """)
    }

    @Test func badZonesAndStartsAreErrors() throws {
        let zone = try cadence(["every day", "--tz", "Mars/Olympus"])
        #expect(zone.status == 1)
        #expect(zone.stderr.contains("unknown time zone `Mars/Olympus`"))
        let start = try cadence(["every day", "--tz", "UTC", "--start", "2026-13-01"])
        #expect(start.status == 1)
        #expect(start.stderr.contains("--start: expected a local date-time"))
        let count = try cadence(["every day", "--count", "0"])
        #expect(count.status == 64)
    }
}
