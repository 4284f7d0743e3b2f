import Testing

@testable import KizunaCore

@Suite struct CivilDateTests {
    @Test func dayNumberRoundTripsAcrossFourCenturies() {
        for number in stride(from: -146_097 * 2, through: 146_097 * 2, by: 17) {
            let date = CivilDate(dayNumber: number)
            #expect(date.dayNumber == number)
            #expect(CivilDate(year: date.year, month: date.month, day: date.day) == date)
        }
    }

    @Test func knownWeekdays() {
        #expect(CivilDate("1970-01-01")!.weekday == .thursday)
        #expect(CivilDate("2026-11-23")!.weekday == .monday)
        #expect(CivilDate("2000-02-29")!.weekday == .tuesday)
        #expect(CivilDate("1969-12-31")!.weekday == .wednesday)
    }

    @Test func leapYearsAndInvalidDates() {
        #expect(CivilDate("2024-02-29") != nil)
        #expect(CivilDate("2026-02-29") == nil)
        #expect(CivilDate("1900-02-29") == nil)
        #expect(CivilDate("2000-02-29") != nil)
        #expect(CivilDate("2026-04-31") == nil)
        #expect(CivilDate("2026-4-01") == nil)
        #expect(CivilDate("2026-13-01") == nil)
    }

    @Test func addingMonthsClampsToTheMonthsLastDay() {
        #expect(CivilDate("2026-01-31")!.adding(months: 1) == CivilDate("2026-02-28"))
        #expect(CivilDate("2024-01-31")!.adding(months: 1) == CivilDate("2024-02-29"))
        #expect(CivilDate("2024-02-29")!.adding(months: 12) == CivilDate("2025-02-28"))
        #expect(CivilDate("2026-03-31")!.adding(months: -1) == CivilDate("2026-02-28"))
        #expect(CivilDate("2026-01-15")!.adding(months: -13) == CivilDate("2024-12-15"))
    }

    @Test func localTimeParsing() {
        #expect(LocalTime("10:00") == LocalTime(hour: 10, minute: 0))
        #expect(LocalTime("9:05:07") == LocalTime(hour: 9, minute: 5, second: 7))
        #expect(LocalTime("24:00") == nil)
        #expect(LocalTime("10:60") == nil)
        #expect(LocalTime("10") == nil)
        #expect(LocalTime("10:0") == nil)
    }
}

@Suite struct ZoneTests {
    private func instant(_ zone: String, _ local: String) -> String {
        let zone = Zone.named(zone)!
        return zone.iso8601(zone.instant(for: LocalDateTime(local)!))
    }

    @Test func springForwardGapMovesForward() {
        #expect(instant("America/New_York", "2026-03-08T02:30") == "2026-03-08T03:30:00-04:00")
        #expect(instant("Europe/London", "2026-03-29T01:30") == "2026-03-29T02:30:00+01:00")
        #expect(instant("Australia/Sydney", "2026-10-04T02:15") == "2026-10-04T03:15:00+11:00")
    }

    @Test func ambiguousFallBackTakesTheFirst() {
        #expect(instant("America/New_York", "2026-11-01T01:30") == "2026-11-01T01:30:00-04:00")
        #expect(instant("Europe/London", "2026-10-25T01:30") == "2026-10-25T01:30:00+01:00")
        #expect(instant("Australia/Sydney", "2026-04-05T02:30") == "2026-04-05T02:30:00+11:00")
    }

    @Test func ordinaryTimesRoundTrip() {
        let zone = Zone.named("Asia/Tokyo")!
        let local = LocalDateTime("2026-07-01T09:00")!
        #expect(zone.localDateTime(at: zone.instant(for: local)) == local)
        #expect(zone.iso8601(zone.instant(for: local)) == "2026-07-01T09:00:00+09:00")
    }

    @Test func emptyAndBlankTextIsNoDateTime() {
        #expect(LocalDateTime("") == nil)
        #expect(LocalDateTime(" ") == nil)
        #expect(Instant(iso8601: "", defaultZone: .utc) == nil)
    }

    @Test func unknownZonesAreRejected() {
        #expect(Zone.named("Mars/Olympus") == nil)
        #expect(Zone.named("EST5EDT") == nil)
    }
}

@Suite struct BusinessCalendarTests {
    let calendar = BusinessCalendar(holidays: [CivilDate("2026-12-25")!: "Christmas", CivilDate("2027-01-01")!: "New Year"])

    @Test func addingBusinessDaysSkipsWeekendsAndHolidaysAcrossTheYearEnd() {
        // Thursday 2026-12-24 + 1 business day: Friday is Christmas, so Monday the 28th.
        #expect(calendar.adding(businessDays: 1, to: CivilDate("2026-12-24")!) == CivilDate("2026-12-28"))
        // Wednesday 2026-12-30 + 2: Thursday 31, (Friday New Year), Monday 2027-01-04.
        #expect(calendar.adding(businessDays: 2, to: CivilDate("2026-12-30")!) == CivilDate("2027-01-04"))
        #expect(calendar.adding(businessDays: -1, to: CivilDate("2027-01-04")!) == CivilDate("2026-12-31"))
    }

    @Test func holidayPolicies() {
        let christmas = CivilDate("2026-12-25")!
        #expect(HolidayPolicy.next.apply(to: christmas, in: calendar) == CivilDate("2026-12-28"))
        #expect(HolidayPolicy.previous.apply(to: christmas, in: calendar) == CivilDate("2026-12-24"))
        #expect(HolidayPolicy.skip.apply(to: christmas, in: calendar) == nil)
        #expect(HolidayPolicy.keep.apply(to: christmas, in: calendar) == christmas)
    }

    @Test func lastBusinessDayOfAMonth() {
        #expect(calendar.businessDay(-1, from: CivilDate("2026-12-01")!, through: CivilDate("2026-12-31")!) == CivilDate("2026-12-31"))
        #expect(calendar.businessDay(-1, from: CivilDate("2026-05-01")!, through: CivilDate("2026-05-31")!) == CivilDate("2026-05-29"))
        #expect(calendar.businessDay(1, from: CivilDate("2027-01-01")!, through: CivilDate("2027-01-31")!) == CivilDate("2027-01-04"))
    }
}
