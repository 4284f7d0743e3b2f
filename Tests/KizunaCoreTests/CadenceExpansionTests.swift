import Testing

@testable import KizunaCore

/// A team calendar in `zone` with the given holidays (ISO dates).
func scheduleContext(
    _ zone: String = "UTC", holidays: [String] = [], stageEntered: String? = nil, renewal: String? = nil
) -> ScheduleContext {
    let zone = Zone.named(zone)!
    let days = Dictionary(uniqueKeysWithValues: holidays.map { (CivilDate($0)!, "holiday") })
    return ScheduleContext(
        zone: zone, calendar: BusinessCalendar(holidays: days),
        stageEntered: stageEntered.map { zone.instant(for: LocalDateTime($0)!) }, renewalDate: renewal.map { CivilDate($0)! })
}

/// The first `count` occurrences of `cadence` with its grid at `anchor`, as `2026-01-06 10:00` (landing wall times).
func expand(
    _ cadence: String, anchor: String, count: Int, context: ScheduleContext = scheduleContext(), lastCompletion: Instant? = nil
) throws -> [String] {
    let iterator = CadenceIterator(
        cadence: try CadenceParser.parse(cadence), anchor: LocalDateTime(anchor)!, context: context,
        lastCompletion: lastCompletion)
    return iterator.prefix(count).map { "\($0.local.date) \($0.local.time)" }
}

@Suite struct CadenceGridTests {
    @Test func weeklyAndBiweekly() throws {
        #expect(
            try expand("every week on tuesday at 10:00", anchor: "2026-01-01", count: 3)
                == ["2026-01-06 10:00", "2026-01-13 10:00", "2026-01-20 10:00"])
        // Weeks count from the (Monday) week of the grid start; a day before the start is not produced.
        #expect(
            try expand("every 2 weeks on thursday at 15:00", anchor: "2026-01-05", count: 3)
                == ["2026-01-08 15:00", "2026-01-22 15:00", "2026-02-05 15:00"])
        #expect(
            try expand("every 2 weeks on thursday at 15:00", anchor: "2026-01-09", count: 2)
                == ["2026-01-22 15:00", "2026-02-05 15:00"])
        #expect(try expand("every other week", anchor: "2026-01-07", count: 2) == ["2026-01-07 09:00", "2026-01-21 09:00"])
    }

    @Test func severalDaysAndTimesComeInOrder() throws {
        #expect(
            try expand("every week on friday, monday at 14:00, 09:00", anchor: "2026-01-05T12:00", count: 5)
                == ["2026-01-05 14:00", "2026-01-09 09:00", "2026-01-09 14:00", "2026-01-12 09:00", "2026-01-12 14:00"])
    }

    @Test func dayThirtyOneIsTheLastDayOfShorterMonths() throws {
        #expect(
            try expand("every month on day 31", anchor: "2028-01-01", count: 4)
                == ["2028-01-31 09:00", "2028-02-29 09:00", "2028-03-31 09:00", "2028-04-30 09:00"])
        #expect(try expand("every month on day 31", anchor: "2027-02-01", count: 1) == ["2027-02-28 09:00"])
        // With no `on`, the day of the month is the grid start's, clamped the same way.
        #expect(
            try expand("every month", anchor: "2026-01-31", count: 3)
                == ["2026-01-31 09:00", "2026-02-28 09:00", "2026-03-31 09:00"])
    }

    @Test func yearlyFromFebruary29ClampsInOtherYears() throws {
        #expect(
            try expand("every year", anchor: "2024-02-29", count: 5)
                == ["2024-02-29 09:00", "2025-02-28 09:00", "2026-02-28 09:00", "2027-02-28 09:00", "2028-02-29 09:00"])
        #expect(
            try expand("every year on february 29", anchor: "2025-01-01", count: 2) == ["2025-02-28 09:00", "2026-02-28 09:00"])
        #expect(try expand("every 2 years on march 15", anchor: "2026-04-01", count: 2) == ["2028-03-15 09:00", "2030-03-15 09:00"])
    }

    @Test func quarterSelectors() throws {
        #expect(
            try expand("every quarter on day 15", anchor: "2026-01-01", count: 4)
                == ["2026-01-15 09:00", "2026-04-15 09:00", "2026-07-15 09:00", "2026-10-15 09:00"])
        #expect(
            try expand("every quarter on the first tuesday at 10:00", anchor: "2026-01-01", count: 4)
                == ["2026-01-06 10:00", "2026-04-07 10:00", "2026-07-07 10:00", "2026-10-06 10:00"])
        // Day 92 is the quarter's last day: Q1 2026 has 90 days, Q2 91.
        #expect(
            try expand("every quarter on day 92", anchor: "2026-01-01", count: 4)
                == ["2026-03-31 09:00", "2026-06-30 09:00", "2026-09-30 09:00", "2026-12-31 09:00"])
        #expect(
            try expand("every quarter on the last business day", anchor: "2027-01-01", count: 4)
                == ["2027-03-31 09:00", "2027-06-30 09:00", "2027-09-30 09:00", "2027-12-31 09:00"])
        // Quarters are calendar quarters; with no `on`, the same day of the same month of each quarter.
        #expect(
            try expand("every quarter", anchor: "2026-02-15", count: 4)
                == ["2026-02-15 09:00", "2026-05-15 09:00", "2026-08-15 09:00", "2026-11-15 09:00"])
        #expect(
            try expand("every 2 quarters on the last friday", anchor: "2026-05-01", count: 2)
                == ["2026-06-26 09:00", "2026-12-25 09:00"])
    }

    @Test func ordinalWeekdaysOfMonthsAndYears() throws {
        // February 2026 has four Fridays: the 4th and the last are one day, produced once.
        #expect(
            try expand("every month on the 2nd and last friday", anchor: "2026-02-01", count: 4)
                == ["2026-02-13 09:00", "2026-02-27 09:00", "2026-03-13 09:00", "2026-03-27 09:00"])
        #expect(try expand("every month on the 4th and last friday", anchor: "2026-02-01", count: 1) == ["2026-02-27 09:00"])
        // A fifth Monday exists only in some months.
        #expect(
            try expand("every month on the fifth monday", anchor: "2026-01-01", count: 3)
                == ["2026-03-30 09:00", "2026-06-29 09:00", "2026-08-31 09:00"])
        #expect(try expand("every year on the first monday", anchor: "2026-01-01", count: 2) == ["2026-01-05 09:00", "2027-01-04 09:00"])
        #expect(try expand("every month on the 1st and 15th", anchor: "2026-01-10", count: 3) == ["2026-01-15 09:00", "2026-02-01 09:00", "2026-02-15 09:00"])
    }

    @Test func lastBusinessDayAcrossHolidaysAndYearEnd() throws {
        #expect(try expand("every month on the last business day", anchor: "2027-12-01", count: 1) == ["2027-12-31 09:00"])
        let newYearsEve = scheduleContext(holidays: ["2027-12-31"])
        #expect(
            try expand("every month on the last business day", anchor: "2027-12-01", count: 2, context: newYearsEve)
                == ["2027-12-30 09:00", "2028-01-31 09:00"])
        #expect(
            try expand("every month on the first business day", anchor: "2027-12-15", count: 1, context: scheduleContext(holidays: ["2028-01-03"]))
                == ["2028-01-04 09:00"])
    }

    @Test func businessDaysAcrossChristmasAndNewYear() throws {
        let holidays = scheduleContext(holidays: ["2026-12-25", "2027-01-01"])
        #expect(
            try expand("every business day", anchor: "2026-12-23", count: 7, context: holidays)
                == [
                    "2026-12-23 09:00", "2026-12-24 09:00", "2026-12-28 09:00", "2026-12-29 09:00", "2026-12-30 09:00",
                    "2026-12-31 09:00", "2027-01-04 09:00",
                ])
        #expect(
            try expand("every 2 business days", anchor: "2026-12-23", count: 4, context: holidays)
                == ["2026-12-23 09:00", "2026-12-28 09:00", "2026-12-30 09:00", "2027-01-04 09:00"])
        // A grid starting on a day off starts on the next business day.
        #expect(try expand("every business day", anchor: "2026-12-25", count: 1, context: holidays) == ["2026-12-28 09:00"])
    }

    @Test func everyNDaysCountsFromTheStart() throws {
        #expect(
            try expand("every 3 days at 08:00", anchor: "2026-02-26", count: 3)
                == ["2026-02-26 08:00", "2026-03-01 08:00", "2026-03-04 08:00"])
        // The start's time counts: 08:00 on a grid starting at noon is not produced.
        #expect(try expand("every 3 days at 08:00", anchor: "2026-02-26T12:00", count: 1) == ["2026-03-01 08:00"])
    }
}

@Suite struct CadenceHolidayTests {
    private let christmas = scheduleContext(holidays: ["2026-12-25"])

    private func landing(_ policy: String) throws -> [Occurrence] {
        Array(
            CadenceIterator(
                cadence: try CadenceParser.parse("every month on day 25 at 10:00 holidays \(policy)"),
                anchor: LocalDateTime("2026-11-01")!, context: christmas
            ).prefix(2))
    }

    @Test func policiesMoveOrDropDaysOff() throws {
        #expect(try landing("next").map(\.local.description) == ["2026-11-25T10:00:00", "2026-12-28T10:00:00"])
        #expect(try landing("previous").map(\.local.description) == ["2026-11-25T10:00:00", "2026-12-24T10:00:00"])
        #expect(try landing("skip").map(\.local.description) == ["2026-11-25T10:00:00", "2027-01-25T10:00:00"])
        #expect(try landing("keep").map(\.local.description) == ["2026-11-25T10:00:00", "2026-12-25T10:00:00"])
    }

    @Test func keysStayWithTheNominalDateWhenAHolidayMovesIt() throws {
        let moved = try landing("next")[1]
        #expect(moved.key == "2026-12-25T10:00:00")
        #expect(moved.local == LocalDateTime("2026-12-28T10:00"))
        #expect(moved.instant == Zone.utc.instant(for: LocalDateTime("2026-12-28T10:00")!))
    }

    @Test func gridPointsLandingTogetherMergeKeepingTheEarlierKey() throws {
        let context = scheduleContext(holidays: ["2026-07-03"])
        let daily = CadenceIterator(
            cadence: try CadenceParser.parse("every day holidays next"), anchor: LocalDateTime("2026-07-02")!, context: context)
        let occurrences = Array(daily.prefix(3))
        #expect(occurrences.map(\.local.date.description) == ["2026-07-02", "2026-07-06", "2026-07-07"])
        #expect(occurrences.map(\.key) == ["2026-07-02T09:00:00", "2026-07-03T09:00:00", "2026-07-07T09:00:00"])
        // A weekend point at a later time than the weekday's own stays a separate occurrence, in time order.
        let twoTimes = CadenceIterator(
            cadence: try CadenceParser.parse("every week on saturday and monday at 09:00 and 14:00 holidays next"),
            anchor: LocalDateTime("2026-07-04")!, context: context)
        #expect(
            twoTimes.prefix(3).map { "\($0.local) \($0.key)" } == [
                "2026-07-06T09:00:00 2026-07-04T09:00:00", "2026-07-06T14:00:00 2026-07-04T14:00:00",
                "2026-07-13T09:00:00 2026-07-11T09:00:00",
            ])
    }

    @Test func aCadenceThatNeverLandsEnds() throws {
        let saturdays = CadenceIterator(
            cadence: try CadenceParser.parse("every week on saturday holidays skip"), anchor: LocalDateTime("2026-01-01")!,
            context: scheduleContext())
        #expect(Array(saturdays).isEmpty)
        let sixthBusinessDay = CadenceIterator(
            cadence: try CadenceParser.parse("every week on the 6th business day"), anchor: LocalDateTime("2026-01-01")!,
            context: scheduleContext())
        #expect(Array(sixthBusinessDay).isEmpty)
    }
}

@Suite struct CadenceTimeZoneTests {
    private func instants(_ cadence: String, _ zone: String, from anchor: String, count: Int) throws -> [String] {
        let context = scheduleContext(zone)
        return CadenceIterator(cadence: try CadenceParser.parse(cadence), anchor: LocalDateTime(anchor)!, context: context)
            .prefix(count).map { context.zone.iso8601($0.instant) }
    }

    @Test func newYorkSpringForwardAndFallBack() throws {
        #expect(
            try instants("every day at 02:30", "America/New_York", from: "2026-03-07", count: 3)
                == ["2026-03-07T02:30:00-05:00", "2026-03-08T03:30:00-04:00", "2026-03-09T02:30:00-04:00"])
        #expect(
            try instants("every day at 01:30", "America/New_York", from: "2026-10-31", count: 3)
                == ["2026-10-31T01:30:00-04:00", "2026-11-01T01:30:00-04:00", "2026-11-02T01:30:00-05:00"])
    }

    @Test func londonSpringForwardAndFallBack() throws {
        #expect(
            try instants("every week on sunday at 01:30", "Europe/London", from: "2026-03-22", count: 2)
                == ["2026-03-22T01:30:00+00:00", "2026-03-29T02:30:00+01:00"])
        #expect(
            try instants("every week on sunday at 01:30", "Europe/London", from: "2026-10-25", count: 2)
                == ["2026-10-25T01:30:00+01:00", "2026-11-01T01:30:00+00:00"])
    }

    @Test func sydneySpringForwardAndFallBack() throws {
        #expect(
            try instants("every month on the first sunday at 02:30", "Australia/Sydney", from: "2026-04-01", count: 2)
                == ["2026-04-05T02:30:00+11:00", "2026-05-03T02:30:00+10:00"])
        #expect(
            try instants("every month on the first sunday at 02:30", "Australia/Sydney", from: "2026-10-01", count: 2)
                == ["2026-10-04T03:30:00+11:00", "2026-11-01T02:30:00+11:00"])
    }

    @Test func aTimeInTheGapAndTheHourAfterItMerge() throws {
        let occurrences = CadenceIterator(
            cadence: try CadenceParser.parse("every day at 02:30 and 03:30"), anchor: LocalDateTime("2026-03-08")!,
            context: scheduleContext("America/New_York")
        ).prefix(2)
        #expect(occurrences.map(\.key) == ["2026-03-08T02:30:00", "2026-03-09T02:30:00"])
    }
}
