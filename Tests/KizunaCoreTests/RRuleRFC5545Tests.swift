import Testing

@testable import KizunaCore

/// Every RRULE example of RFC 5545 §3.8.5.3. The RFC gives them in America/New_York; they
/// are computed as floating wall times and compared with the local times it lists (only
/// UNTIL in UTC needs the zone). Where the RFC's DTSTART does not match the rule, the RFC
/// counts it as an instance; this engine does not (see `occurrences(from:zone:)`), and
/// the lists below leave it out.
@Suite struct RRuleRFC5545Tests {
    private func expect(
        _ rule: String, from start: String, limit: Int = 1000, _ expected: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let actual = try rruleOccurrences(rule, from: start, limit: min(limit, expected.count + 1))
        #expect(Array(actual.prefix(limit)) == expected, sourceLocation: sourceLocation)
        if limit == 1000 { #expect(actual.count == expected.count, "the rule should end there", sourceLocation: sourceLocation) }
    }

    private func expectPrefix(_ rule: String, from start: String, _ expected: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        try expect(rule, from: start, limit: expected.count, expected, sourceLocation: sourceLocation)
    }

    @Test func dailyForTenOccurrences() throws {
        try expect("RRULE:FREQ=DAILY;COUNT=10", from: "1997-09-02T09:00", wallTimes("1997-09: 2...11"))
    }

    @Test func dailyUntilDecember24() throws {
        // 1997-12-24T09:00 EST is 14:00 UTC, after UNTIL.
        try expect(
            "RRULE:FREQ=DAILY;UNTIL=19971224T000000Z", from: "1997-09-02T09:00",
            wallTimes("1997-09: 2...30; 1997-10: 1...31; 1997-11: 1...30; 1997-12: 1...23"))
    }

    @Test func everyOtherDayForever() throws {
        try expectPrefix(
            "RRULE:FREQ=DAILY;INTERVAL=2", from: "1997-09-02T09:00",
            wallTimes("1997-09: 2 4 6 8 10 12 14 16 18 20 22 24 26 28 30; 1997-10: 2 4 6 8 10 12 14 16 18 20 22 24 26 28 30; 1997-11: 1 3 5 7 9 11 13 15 17 19 21 23 25 27 29; 1997-12: 1 3"))
    }

    @Test func everyTenDaysFiveTimes() throws {
        try expect("RRULE:FREQ=DAILY;INTERVAL=10;COUNT=5", from: "1997-09-02T09:00", wallTimes("1997-09: 2 12 22; 1997-10: 2 12"))
    }

    @Test func everyDayInJanuaryForThreeYears() throws {
        let expected = wallTimes("1998-01: 1...31; 1999-01: 1...31; 2000-01: 1...31")
        try expect("RRULE:FREQ=YEARLY;UNTIL=20000131T140000Z;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA", from: "1998-01-01T09:00", expected)
        try expect("RRULE:FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1", from: "1998-01-01T09:00", expected)
    }

    @Test func weeklyForTenOccurrences() throws {
        try expect(
            "RRULE:FREQ=WEEKLY;COUNT=10", from: "1997-09-02T09:00",
            wallTimes("1997-09: 2 9 16 23 30; 1997-10: 7 14 21 28; 1997-11: 4"))
    }

    @Test func weeklyUntilDecember24() throws {
        try expect(
            "RRULE:FREQ=WEEKLY;UNTIL=19971224T000000Z", from: "1997-09-02T09:00",
            wallTimes("1997-09: 2 9 16 23 30; 1997-10: 7 14 21 28; 1997-11: 4 11 18 25; 1997-12: 2 9 16 23"))
    }

    @Test func everyOtherWeekForever() throws {
        try expectPrefix(
            "RRULE:FREQ=WEEKLY;INTERVAL=2;WKST=SU", from: "1997-09-02T09:00",
            wallTimes("1997-09: 2 16 30; 1997-10: 14 28; 1997-11: 11 25; 1997-12: 9 23; 1998-01: 6 20; 1998-02: 3 17"))
    }

    @Test func tuesdaysAndThursdaysForFiveWeeks() throws {
        let expected = wallTimes("1997-09: 2 4 9 11 16 18 23 25 30; 1997-10: 2")
        try expect("RRULE:FREQ=WEEKLY;UNTIL=19971007T000000Z;WKST=SU;BYDAY=TU,TH", from: "1997-09-02T09:00", expected)
        try expect("RRULE:FREQ=WEEKLY;COUNT=10;WKST=SU;BYDAY=TU,TH", from: "1997-09-02T09:00", expected)
    }

    @Test func everyOtherWeekOnMondayWednesdayFriday() throws {
        try expect(
            "RRULE:FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR", from: "1997-09-01T09:00",
            wallTimes("1997-09: 1 3 5 15 17 19 29; 1997-10: 1 3 13 15 17 27 29 31; 1997-11: 10 12 14 24 26 28; 1997-12: 8 10 12 22"))
    }

    @Test func everyOtherWeekOnTuesdayAndThursdayEightTimes() throws {
        try expect(
            "RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH", from: "1997-09-02T09:00",
            wallTimes("1997-09: 2 4 16 18 30; 1997-10: 2 14 16"))
    }

    @Test func monthlyOnTheFirstFriday() throws {
        try expect(
            "RRULE:FREQ=MONTHLY;COUNT=10;BYDAY=1FR", from: "1997-09-05T09:00",
            wallTimes("1997-09: 5; 1997-10: 3; 1997-11: 7; 1997-12: 5; 1998-01: 2; 1998-02: 6; 1998-03: 6; 1998-04: 3; 1998-05: 1; 1998-06: 5"))
        try expect(
            "RRULE:FREQ=MONTHLY;UNTIL=19971224T000000Z;BYDAY=1FR", from: "1997-09-05T09:00",
            wallTimes("1997-09: 5; 1997-10: 3; 1997-11: 7; 1997-12: 5"))
    }

    @Test func everyOtherMonthOnTheFirstAndLastSunday() throws {
        try expect(
            "RRULE:FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU", from: "1997-09-07T09:00",
            wallTimes("1997-09: 7 28; 1997-11: 2 30; 1998-01: 4 25; 1998-03: 1 29; 1998-05: 3 31"))
    }

    @Test func monthlyOnTheSecondToLastMonday() throws {
        try expect(
            "RRULE:FREQ=MONTHLY;COUNT=6;BYDAY=-2MO", from: "1997-09-22T09:00",
            wallTimes("1997-09: 22; 1997-10: 20; 1997-11: 17; 1997-12: 22; 1998-01: 19; 1998-02: 16"))
    }

    @Test func monthlyOnTheThirdToLastDay() throws {
        try expectPrefix(
            "RRULE:FREQ=MONTHLY;BYMONTHDAY=-3", from: "1997-09-28T09:00",
            wallTimes("1997-09: 28; 1997-10: 29; 1997-11: 28; 1997-12: 29; 1998-01: 29; 1998-02: 26"))
    }

    @Test func monthlyOnThe2ndAnd15th() throws {
        try expect(
            "RRULE:FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15", from: "1997-09-02T09:00",
            wallTimes("1997-09: 2 15; 1997-10: 2 15; 1997-11: 2 15; 1997-12: 2 15; 1998-01: 2 15"))
    }

    @Test func monthlyOnTheFirstAndLastDay() throws {
        try expect(
            "RRULE:FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1", from: "1997-09-30T09:00",
            wallTimes("1997-09: 30; 1997-10: 1 31; 1997-11: 1 30; 1997-12: 1 31; 1998-01: 1 31; 1998-02: 1"))
    }

    @Test func every18MonthsOnThe10thThrough15th() throws {
        try expect(
            "RRULE:FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15", from: "1997-09-10T09:00",
            wallTimes("1997-09: 10...15; 1999-03: 10...13"))
    }

    @Test func everyTuesdayEveryOtherMonth() throws {
        try expectPrefix(
            "RRULE:FREQ=MONTHLY;INTERVAL=2;BYDAY=TU", from: "1997-09-02T09:00",
            wallTimes("1997-09: 2 9 16 23 30; 1997-11: 4 11 18 25; 1998-01: 6 13 20 27; 1998-03: 3 10 17 24 31"))
    }

    @Test func yearlyInJuneAndJuly() throws {
        try expect(
            "RRULE:FREQ=YEARLY;COUNT=10;BYMONTH=6,7", from: "1997-06-10T09:00",
            (1997...2001).flatMap { wallTimes("\($0)-06: 10; \($0)-07: 10") })
    }

    @Test func everyOtherYearInJanuaryFebruaryMarch() throws {
        try expect(
            "RRULE:FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3", from: "1997-03-10T09:00",
            wallTimes("1997-03: 10") + [1999, 2001, 2003].flatMap { wallTimes("\($0)-01: 10; \($0)-02: 10; \($0)-03: 10") })
    }

    @Test func everyThirdYearOnThe1st100thAnd200thDay() throws {
        try expect(
            "RRULE:FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200", from: "1997-01-01T09:00",
            wallTimes("1997-01: 1; 1997-04: 10; 1997-07: 19; 2000-01: 1; 2000-04: 9; 2000-07: 18; 2003-01: 1; 2003-04: 10; 2003-07: 19; 2006-01: 1"))
    }

    @Test func every20thMondayOfTheYear() throws {
        try expectPrefix("RRULE:FREQ=YEARLY;BYDAY=20MO", from: "1997-05-19T09:00", wallTimes("1997-05: 19; 1998-05: 18; 1999-05: 17"))
    }

    @Test func mondayOfWeekNumber20() throws {
        try expectPrefix(
            "RRULE:FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO", from: "1997-05-12T09:00", wallTimes("1997-05: 12; 1998-05: 11; 1999-05: 17"))
    }

    @Test func everyThursdayInMarch() throws {
        try expectPrefix(
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=TH", from: "1997-03-13T09:00",
            wallTimes("1997-03: 13 20 27; 1998-03: 5 12 19 26; 1999-03: 4 11 18 25"))
    }

    @Test func everyThursdayInJuneJulyAndAugust() throws {
        try expectPrefix(
            "RRULE:FREQ=YEARLY;BYDAY=TH;BYMONTH=6,7,8", from: "1997-06-05T09:00",
            wallTimes("1997-06: 5 12 19 26; 1997-07: 3 10 17 24 31; 1997-08: 7 14 21 28; 1998-06: 4 11 18 25; 1998-07: 2 9 16 23 30; 1998-08: 6 13 20 27; 1999-06: 3 10 17 24; 1999-07: 1 8 15 22 29; 1999-08: 5 12 19 26"))
    }

    @Test func everyFridayThe13th() throws {
        // The RFC adds EXDATE:19970902 to drop DTSTART, which this engine never includes when it does not match.
        try expectPrefix(
            "RRULE:FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13", from: "1997-09-02T09:00",
            wallTimes("1998-02: 13; 1998-03: 13; 1998-11: 13; 1999-08: 13; 2000-10: 13"))
    }

    @Test func firstSaturdayAfterTheFirstSunday() throws {
        try expectPrefix(
            "RRULE:FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13", from: "1997-09-13T09:00",
            wallTimes("1997-09: 13; 1997-10: 11; 1997-11: 8; 1997-12: 13; 1998-01: 10; 1998-02: 7; 1998-03: 7; 1998-04: 11; 1998-05: 9; 1998-06: 13"))
    }

    @Test func usPresidentialElectionDay() throws {
        try expectPrefix(
            "RRULE:FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8", from: "1996-11-05T09:00",
            wallTimes("1996-11: 5; 2000-11: 7; 2004-11: 2"))
    }

    @Test func thirdTuesdayWednesdayOrThursdayOfTheMonth() throws {
        try expect(
            "RRULE:FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3", from: "1997-09-04T09:00",
            wallTimes("1997-09: 4; 1997-10: 7; 1997-11: 6"))
    }

    @Test func secondToLastWeekdayOfTheMonth() throws {
        try expectPrefix(
            "RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2", from: "1997-09-29T09:00",
            wallTimes("1997-09: 29; 1997-10: 30; 1997-11: 27; 1997-12: 30; 1998-01: 29; 1998-02: 26; 1998-03: 30"))
    }

    @Test func lastWorkDayOfTheMonth() throws {
        // RFC 5545 §3.3.10 gives this rule without a list; the dates are read off a calendar.
        try expectPrefix(
            "RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", from: "1997-09-02T09:00",
            wallTimes("1997-09: 30; 1997-10: 31; 1997-11: 28; 1997-12: 31; 1998-01: 30; 1998-02: 27"))
    }

    @Test func everyThreeHoursUntilUTC() throws {
        // The RFC lists 15:00 too, but its UNTIL, 17:00 UTC, is 13:00 EDT: the instant decides.
        try expect(
            "RRULE:FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T170000Z", from: "1997-09-02T09:00",
            ["1997-09-02T09:00:00", "1997-09-02T12:00:00"])
    }

    @Test func every15MinutesSixTimes() throws {
        try expect(
            "RRULE:FREQ=MINUTELY;INTERVAL=15;COUNT=6", from: "1997-09-02T09:00",
            ["09:00", "09:15", "09:30", "09:45", "10:00", "10:15"].map { "1997-09-02T\($0):00" })
    }

    @Test func everyHourAndAHalfFourTimes() throws {
        try expect(
            "RRULE:FREQ=MINUTELY;INTERVAL=90;COUNT=4", from: "1997-09-02T09:00",
            ["09:00", "10:30", "12:00", "13:30"].map { "1997-09-02T\($0):00" })
    }

    @Test func every20MinutesFrom9To1640() throws {
        let times = (9...16).flatMap { hour in [0, 20, 40].map { "\(CivilDate.twoDigits(hour)):\(CivilDate.twoDigits($0)):00" } }
        let expected = times.map { "1997-09-02T\($0)" } + times.map { "1997-09-03T\($0)" }
        try expectPrefix("RRULE:FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40", from: "1997-09-02T09:00", expected)
        try expectPrefix("RRULE:FREQ=MINUTELY;INTERVAL=20;BYHOUR=9,10,11,12,13,14,15,16", from: "1997-09-02T09:00", expected)
    }

    @Test func weekStartChangesWhichDaysShareAWeek() throws {
        try expect("RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO", from: "1997-08-05T09:00", wallTimes("1997-08: 5 10 19 24"))
        try expect("RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU", from: "1997-08-05T09:00", wallTimes("1997-08: 5 17 19 31"))
    }

    @Test func invalidDatesAreSkipped() throws {
        try expect(
            "RRULE:FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5", from: "2007-01-15T09:00",
            wallTimes("2007-01: 15 30; 2007-02: 15; 2007-03: 15 30"))
    }
}
