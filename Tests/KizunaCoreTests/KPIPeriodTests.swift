import KizunaCore
import Testing

@Suite struct KPIPeriodTests {
    private func period(_ text: String) throws -> KPIPeriod { try KPIPeriod(parsing: text) }

    @Test func quartersMonthsAndWeeksHaveTheirDays() throws {
        let quarter = try period("2026-Q3")
        #expect(quarter.firstDay == CivilDate(year: 2026, month: 7, day: 1))
        #expect(quarter.endDay == CivilDate(year: 2026, month: 10, day: 1))
        let february = try period("2028-02")
        #expect(february.firstDay == CivilDate(year: 2028, month: 2, day: 1))
        #expect(february.endDay.adding(days: -1) == CivilDate(year: 2028, month: 2, day: 29))
        // ISO week 1 of 2026 starts on Monday 2025-12-29, the week of January 4th.
        let first = try period("2026-W01")
        #expect(first.firstDay == CivilDate(year: 2025, month: 12, day: 29))
        #expect(try period("2026-w42").firstDay == CivilDate(year: 2026, month: 10, day: 12))
        #expect(try period("2026-W42").description == "2026-W42")
        #expect(try period("2026-q4").description == "2026-Q4")
        #expect(try period("2026-03").description == "2026-03")
    }

    @Test func week53ExistsOnlyInLongISOYears() throws {
        // 2026 starts on a Thursday; 2020 is a leap year starting on a Wednesday.
        let week53 = try period("2026-W53")
        #expect(week53.firstDay == CivilDate(year: 2026, month: 12, day: 28))
        #expect(week53.endDay == CivilDate(year: 2027, month: 1, day: 4))
        #expect(try period("2020-W53").firstDay == CivilDate(year: 2020, month: 12, day: 28))
        #expect(KPIPeriod.weeks(inISOYear: 2025) == 52)
        #expect(throws: KPIPeriod.ParseError(description: "`2025-W53`: 2025 has 52 ISO weeks, there is no week 53")) {
            try period("2025-W53")
        }
        #expect(throws: KPIPeriod.ParseError.self) { try period("2021-W53") }
        #expect(throws: KPIPeriod.ParseError.self) { try period("2026-W00") }
    }

    @Test func malformedPeriodsSayWhatWasExpected() {
        for text in ["2026", "2026-Q5", "2026-13", "2026-00", "26-10", "2026-W4", "2026-Q3x", "last quarter", "2026-1"] {
            #expect(throws: KPIPeriod.ParseError.self) { try period(text) }
        }
        let error = #expect(throws: KPIPeriod.ParseError.self) { try period("2026-Q5") }
        #expect(error?.description.contains("expected a quarter (`2026-Q3`), a month (`2026-10`) or an ISO week (`2026-W42`)") == true)
    }

    @Test func thePreviousPeriodCrossesYears() throws {
        #expect(try period("2026-Q1").previous.description == "2025-Q4")
        #expect(try period("2026-Q3").previous.description == "2026-Q2")
        #expect(try period("2026-01").previous.description == "2025-12")
        #expect(try period("2027-W01").previous.description == "2026-W53")
        #expect(try period("2026-W01").previous.description == "2025-W52")
        #expect(try period("2026-W42").previous.description == "2026-W41")
    }

    @Test func boundsAreMidnightsInTheTeamsZoneAcrossDST() throws {
        let newYork = try #require(Zone.named("America/New_York"))
        let (start, end) = try period("2026-Q4").bounds(in: newYork)
        // 2026-10-01 00:00 EDT (−4) to 2027-01-01 00:00 EST (−5).
        #expect(start == Instant(iso8601: "2026-10-01T04:00:00Z", defaultZone: .utc))
        #expect(end == Instant(iso8601: "2027-01-01T05:00:00Z", defaultZone: .utc))
        let tokyo = try #require(Zone.named("Asia/Tokyo"))
        #expect(try period("2026-10").bounds(in: tokyo).start == Instant(iso8601: "2026-09-30T15:00:00Z", defaultZone: .utc))
    }

    @Test func theDefaultIsTheQuarterContainingToday() {
        #expect(KPIPeriod.quarter(containing: CivilDate(year: 2026, month: 11, day: 23)!).description == "2026-Q4")
        #expect(KPIPeriod.quarter(containing: CivilDate(year: 2026, month: 3, day: 31)!).description == "2026-Q1")
    }
}
