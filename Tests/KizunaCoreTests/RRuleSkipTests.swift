import Testing

@testable import KizunaCore

/// RFC 7529's SKIP in the Gregorian calendar: what a month lacking the rule's day gets.
@Suite struct RRuleSkipTests {
    @Test func monthlyFromJanuary31st() throws {
        let start = "2014-12-31T10:00"
        #expect(
            try rruleOccurrences("FREQ=MONTHLY;COUNT=4", from: start)
                == wallTimes("2014-12: 31; 2015-01: 31; 2015-03: 31; 2015-05: 31", at: "10:00:00"))
        #expect(
            try rruleOccurrences("RRULE:RSCALE=GREGORIAN;FREQ=MONTHLY;COUNT=4;SKIP=OMIT", from: start)
                == wallTimes("2014-12: 31; 2015-01: 31; 2015-03: 31; 2015-05: 31", at: "10:00:00"))
        #expect(
            try rruleOccurrences("RRULE:RSCALE=GREGORIAN;FREQ=MONTHLY;COUNT=4;SKIP=BACKWARD", from: start)
                == wallTimes("2014-12: 31; 2015-01: 31; 2015-02: 28; 2015-03: 31", at: "10:00:00"))
        #expect(
            try rruleOccurrences("RRULE:RSCALE=GREGORIAN;FREQ=MONTHLY;COUNT=4;SKIP=FORWARD", from: start)
                == wallTimes("2014-12: 31; 2015-01: 31; 2015-03: 1 31", at: "10:00:00"))
    }

    @Test func yearlyOnFebruary29th() throws {
        // RFC 7529 §4.3's leap day example, in the Gregorian calendar.
        let start = "2016-02-29T09:00"
        #expect(try rruleOccurrences("FREQ=YEARLY;COUNT=2", from: start) == wallTimes("2016-02: 29; 2020-02: 29"))
        #expect(
            try rruleOccurrences("RSCALE=GREGORIAN;FREQ=YEARLY;COUNT=5;SKIP=BACKWARD", from: start)
                == wallTimes("2016-02: 29; 2017-02: 28; 2018-02: 28; 2019-02: 28; 2020-02: 29"))
        #expect(
            try rruleOccurrences("RSCALE=GREGORIAN;FREQ=YEARLY;COUNT=5;SKIP=FORWARD", from: start)
                == wallTimes("2016-02: 29; 2017-03: 1; 2018-03: 1; 2019-03: 1; 2020-02: 29"))
    }

    @Test func daysMovedOntoTheSameDayCountOnce() throws {
        #expect(
            try rruleOccurrences("RSCALE=GREGORIAN;FREQ=MONTHLY;BYMONTHDAY=29,30,31;SKIP=BACKWARD;COUNT=7", from: "2026-01-01T09:00")
                == wallTimes("2026-01: 29...31; 2026-02: 28; 2026-03: 29...31"))
        // February 30th moves to March 1st, which March gives too.
        #expect(
            try rruleOccurrences("RSCALE=GREGORIAN;FREQ=MONTHLY;BYMONTHDAY=1,30;SKIP=FORWARD;COUNT=6", from: "2026-01-01T09:00")
                == wallTimes("2026-01: 1 30; 2026-02: 1; 2026-03: 1 30; 2026-04: 1"))
    }

    @Test func negativeDaysMoveTheOtherWay() throws {
        // The 31st day from the end: in a 30-day month, the day before the 1st.
        #expect(
            try rruleOccurrences("RSCALE=GREGORIAN;FREQ=MONTHLY;BYMONTHDAY=-31;SKIP=BACKWARD;COUNT=6", from: "2026-01-01T09:00")
                == wallTimes("2026-01: 1 31; 2026-03: 1 31; 2026-05: 1 31"))
        #expect(
            try rruleOccurrences("RSCALE=GREGORIAN;FREQ=MONTHLY;BYMONTHDAY=-31;SKIP=FORWARD;COUNT=4", from: "2026-01-01T09:00")
                == wallTimes("2026-01: 1; 2026-02: 1; 2026-03: 1; 2026-04: 1"))
        // UNTIL on January 31st still admits the day that February's period moved there.
        #expect(
            try rruleOccurrences("RSCALE=GREGORIAN;FREQ=MONTHLY;BYMONTHDAY=-31;SKIP=BACKWARD;UNTIL=20260131", from: "2026-01-01T09:00")
                == wallTimes("2026-01: 1 31"))
    }

    @Test func bySetPositionCountsTheMovedDays() throws {
        // The last of the 30th and 31st, moved back where a month lacks them: every month's last day.
        #expect(
            try rruleOccurrences("RSCALE=GREGORIAN;FREQ=MONTHLY;BYMONTHDAY=30,31;BYSETPOS=-1;SKIP=BACKWARD;COUNT=4", from: "2026-01-01T09:00")
                == wallTimes("2026-01: 31; 2026-02: 28; 2026-03: 31; 2026-04: 30"))
    }

    @Test func movedDaysKeepTheirMonth() throws {
        // BYMONTH=2 chose February; its missing 30th moves forward to March 1st.
        #expect(
            try rruleOccurrences("RSCALE=GREGORIAN;FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;SKIP=FORWARD;COUNT=3", from: "2026-01-01T09:00")
                == wallTimes("2026-03: 1; 2027-03: 1; 2028-03: 1"))
    }

    @Test func aDayThatDoesNotExistMatchesNoWeekday() throws {
        // Only real 31st Fridays: a missing 31st has no weekday for BYDAY to match.
        #expect(
            try rruleOccurrences("RSCALE=GREGORIAN;FREQ=MONTHLY;BYMONTHDAY=31;BYDAY=FR;SKIP=BACKWARD;COUNT=3", from: "2026-01-01T09:00")
                == wallTimes("2026-07: 31; 2027-12: 31; 2028-03: 31"))
    }

    @Test func limitsNeverMakeMissingDays() throws {
        // Under DAILY, BYMONTHDAY only filters real days, so SKIP has nothing to move.
        #expect(
            try rruleOccurrences("RSCALE=GREGORIAN;FREQ=DAILY;BYMONTHDAY=31;SKIP=BACKWARD;COUNT=3", from: "2026-01-01T09:00")
                == wallTimes("2026-01: 31; 2026-03: 31; 2026-05: 31"))
    }
}
