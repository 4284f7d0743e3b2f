import Testing

@testable import KizunaCore

/// The engine's conventions where RFC 5545 leaves a choice, and its limits.
@Suite struct RRuleBehaviourTests {
    @Test func dtstartCountsOnlyWhenItMatches() throws {
        // 2026-01-07 is a Wednesday: the first Monday of January is on the 5th, before DTSTART.
        #expect(try rruleOccurrences("FREQ=MONTHLY;BYDAY=1MO;COUNT=2", from: "2026-01-07T10:00") == wallTimes("2026-02: 2; 2026-03: 2", at: "10:00:00"))
        #expect(try rruleOccurrences("FREQ=MONTHLY;BYDAY=1MO;COUNT=2", from: "2026-01-05T10:00") == wallTimes("2026-01: 5; 2026-02: 2", at: "10:00:00"))
        // Occurrences earlier on DTSTART's day are not included either.
        #expect(try rruleOccurrences("FREQ=DAILY;BYHOUR=8,12;COUNT=3", from: "2026-01-05T10:00") == ["2026-01-05T12:00:00", "2026-01-06T08:00:00", "2026-01-06T12:00:00"])
    }

    @Test func rulesThatNeverOccurEnd() throws {
        for rule in [
            "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "FREQ=MONTHLY;BYMONTH=4;BYMONTHDAY=31", "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
            "FREQ=WEEKLY;BYMONTH=2;BYDAY=MO;BYSETPOS=2", "FREQ=HOURLY;BYMONTH=6;BYMONTHDAY=31", "FREQ=MINUTELY;BYSECOND=60",
            "FREQ=SECONDLY;BYSETPOS=2;BYSECOND=5", "FREQ=YEARLY;INTERVAL=100;BYYEARDAY=366",
        ] {
            #expect(try rruleOccurrences(rule, from: "2001-01-01T09:00").isEmpty, "\(rule)")
        }
    }

    @Test func theCycleBoundWaitsForRareButPossibleRules() throws {
        // Every 100 years on day 366: only the years divisible by 400, 400 years apart.
        let occurrences = try rruleOccurrences("FREQ=YEARLY;INTERVAL=100;BYYEARDAY=366", from: "2000-01-01T09:00")
        #expect(occurrences == stride(from: 2000, through: 9600, by: 400).map { "\($0)-12-31T09:00:00" })
    }

    @Test func nothingRunsPastTheYear9999() throws {
        #expect(try rruleOccurrences("FREQ=YEARLY;INTERVAL=1000", from: "2026-03-01T09:00").map { String($0.prefix(4)) } == (2026...9026).filter { ($0 - 2026) % 1000 == 0 }.map(String.init))
        #expect(try rruleOccurrences("FREQ=DAILY;INTERVAL=9223372036854775807", from: "2026-03-01T09:00") == ["2026-03-01T09:00:00"])
        #expect(try rruleOccurrences("FREQ=SECONDLY;INTERVAL=9223372036854775807", from: "2026-03-01T09:00") == ["2026-03-01T09:00:00"])
        #expect(try rruleOccurrences("FREQ=DAILY", from: "9999-12-30T09:00") == ["9999-12-30T09:00:00", "9999-12-31T09:00:00"])
        let daily = try RecurrenceRule(parsing: "FREQ=DAILY")
        for year in [-1, 10_000] {
            let start = LocalDateTime(date: CivilDate(year: year, month: 1, day: 1)!, time: LocalTime(hour: 9, minute: 0)!)
            #expect(Array(daily.occurrences(from: start, zone: .utc).prefix(1)).isEmpty)
        }
    }

    @Test func untilAsADateIncludesTheWholeDay() throws {
        #expect(try rruleOccurrences("FREQ=DAILY;UNTIL=20260103", from: "2026-01-01T17:00") == wallTimes("2026-01: 1...3", at: "17:00:00"))
        #expect(try rruleOccurrences("FREQ=DAILY;UNTIL=20260103T165959", from: "2026-01-01T17:00") == wallTimes("2026-01: 1 2", at: "17:00:00"))
    }

    @Test func untilInUTCIsComparedInTheGivenZone() throws {
        // 09:00 in Tokyo is 00:00 UTC, before 03:00 UTC; 09:00 in UTC is after it.
        let rule = "FREQ=DAILY;UNTIL=20260105T030000Z"
        #expect(try rruleOccurrences(rule, from: "2026-01-01T09:00", zone: "Asia/Tokyo") == wallTimes("2026-01: 1...5"))
        #expect(try rruleOccurrences(rule, from: "2026-01-01T09:00", zone: "UTC") == wallTimes("2026-01: 1...4"))
        // Across a DST change: 09:00 EDT is 13:00 UTC, 09:00 EST is 14:00 UTC.
        #expect(try rruleOccurrences("FREQ=WEEKLY;UNTIL=20261108T133000Z", from: "2026-10-25T09:00") == wallTimes("2026-10: 25; 2026-11: 1"))
    }

    @Test func weekNumbersFollowISO8601AtTheTurnOfTheYear() throws {
        // ISO week 52 of 2021 runs from Monday 2021-12-27 through Sunday 2022-01-02.
        #expect(
            try rruleOccurrences("FREQ=YEARLY;BYWEEKNO=52;COUNT=14", from: "2021-06-01T09:00")
                == wallTimes("2021-12: 27...31; 2022-01: 1 2; 2022-12: 26...31; 2023-01: 1"))
        // Years with a week 53: 2020, 2026, 2032.
        #expect(try rruleOccurrences("FREQ=YEARLY;BYWEEKNO=53;BYDAY=MO;COUNT=3", from: "2019-01-01T09:00") == wallTimes("2020-12: 28; 2026-12: 28; 2032-12: 27"))
        // Week -53 is week 1 of a year with 53 weeks, which can start in December.
        #expect(try rruleOccurrences("FREQ=YEARLY;BYWEEKNO=-53;BYDAY=MO;COUNT=2", from: "2019-01-01T09:00") == wallTimes("2019-12: 30; 2025-12: 29"))
        // Week 1 holds January 4th: in 2025 from Sunday 2024-12-29 with WKST=SU, from Monday 2024-12-30 with WKST=MO.
        #expect(try rruleOccurrences("FREQ=YEARLY;BYWEEKNO=1;WKST=SU;BYDAY=SU,SA;COUNT=2", from: "2024-06-01T09:00") == wallTimes("2024-12: 29; 2025-01: 4"))
        #expect(try rruleOccurrences("FREQ=YEARLY;BYWEEKNO=1;BYDAY=SU,SA;COUNT=2", from: "2024-06-01T09:00") == wallTimes("2025-01: 4 5"))
    }

    @Test func plainAndOrdinalWeekdaysTogetherMeanEither() throws {
        // Every Monday, and the first Tuesday, of each month.
        #expect(try rruleOccurrences("FREQ=MONTHLY;BYDAY=MO,1TU;COUNT=6", from: "2026-06-01T09:00") == wallTimes("2026-06: 1 2 8 15 22 29"))
    }

    @Test func hourlyLimitsKeepTheGrid() throws {
        // Every 6 hours from 09:00 meets 03:00, 09:00, 15:00 and 21:00 only; BYHOUR keeps two of them.
        #expect(
            try rruleOccurrences("FREQ=HOURLY;INTERVAL=6;BYHOUR=3,15,16;COUNT=4", from: "2026-01-01T09:00")
                == ["2026-01-01T15:00:00", "2026-01-02T03:00:00", "2026-01-02T15:00:00", "2026-01-03T03:00:00"])
        // A BYHOUR that the grid never meets: no occurrence, and the sequence ends.
        #expect(try rruleOccurrences("FREQ=HOURLY;INTERVAL=6;BYHOUR=4", from: "2026-01-01T09:00").isEmpty)
    }

    @Test func leapSecondsNeverOccur() throws {
        #expect(try rruleOccurrences("FREQ=MINUTELY;BYSECOND=30,60;COUNT=2", from: "2026-01-01T09:00") == ["2026-01-01T09:00:30", "2026-01-01T09:01:30"])
    }

    @Test func occurrencesAreLazy() throws {
        // A rule without end gives its first occurrences at once.
        let rule = try RecurrenceRule(parsing: "FREQ=SECONDLY")
        #expect(Array(rule.occurrences(from: LocalDateTime("2026-01-01T09:00")!, zone: .utc).prefix(2)).map(\.description) == ["2026-01-01T09:00:00", "2026-01-01T09:00:01"])
    }
}
