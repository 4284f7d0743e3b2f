import Testing

@testable import KizunaCore

@Suite struct CadenceAnchorTests {
    @Test func stageEnteredWithABusinessDayOffset() throws {
        let context = scheduleContext("America/New_York", stageEntered: "2026-03-05T15:00")
        #expect(
            try expand("every week on tuesday at 10:00 from stage entered + 2 business days", anchor: "2000-01-01", count: 2, context: context)
                == ["2026-03-10 10:00", "2026-03-17 10:00"])
    }

    @Test func theStartsTimeOfDayCounts() throws {
        let context = scheduleContext("Europe/London", stageEntered: "2026-03-10T11:00")
        #expect(
            try expand("every week on tuesday at 10:00 and 16:00 from stage entered", anchor: "2000-01-01", count: 2, context: context)
                == ["2026-03-10 16:00", "2026-03-17 10:00"])
    }

    @Test func renewalDateWithANegativeOffset() throws {
        let context = scheduleContext(renewal: "2026-12-31")
        #expect(
            try expand("every week from renewal date - 90 days for 3 times", anchor: "2000-01-01", count: 10, context: context)
                == ["2026-10-02 09:00", "2026-10-09 09:00", "2026-10-16 09:00"])
        #expect(
            try expand("every month on day 1 from 2026-06-15 until renewal date - 1 month", anchor: "2000-01-01", count: 10, context: context)
                == ["2026-07-01 09:00", "2026-08-01 09:00", "2026-09-01 09:00", "2026-10-01 09:00", "2026-11-01 09:00"])
    }

    @Test func aMissingStartDateMeansNoOccurrencesAndAMissingEndNoEnd() throws {
        #expect(try expand("every week from renewal date", anchor: "2026-01-01", count: 3).isEmpty)
        #expect(try expand("every week until renewal date", anchor: "2026-01-01", count: 3).count == 3)
    }

    @Test func anchorsResolveInTheContextsZone() {
        let context = scheduleContext("Australia/Sydney", stageEntered: "2026-06-30T23:30")
        #expect(Anchor(.stageEntered, offsets: [CalendarSpan(1, .hour)]).resolved(in: context) == LocalDateTime("2026-07-01T00:30"))
        #expect(Anchor(.customerSince).resolved(in: context) == nil)
        #expect(Anchor(.date(CivilDate("2026-01-30")!), offsets: [CalendarSpan(1, .month)]).resolved(in: context) == LocalDateTime("2026-02-28"))
    }
}

@Suite struct CadenceEndTests {
    @Test func countAndUntilEnd() throws {
        #expect(try expand("every month on day 15 for 3 times", anchor: "2026-01-01", count: 10).count == 3)
        #expect(
            try expand("every week on monday until 2026-02-02", anchor: "2026-01-01", count: 10)
                == ["2026-01-05 09:00", "2026-01-12 09:00", "2026-01-19 09:00", "2026-01-26 09:00", "2026-02-02 09:00"])
    }

    @Test func countCountsWhatTheHolidayPolicyKeeps() throws {
        #expect(
            try expand("every month on day 25 holidays skip for 2 times", anchor: "2026-11-01", count: 10, context: scheduleContext(holidays: ["2026-12-25"]))
                == ["2026-11-25 09:00", "2027-01-25 09:00"])
    }

    @Test func countRunsFromTheGridStartWhateverTheWindow() throws {
        let schedule = Schedule.cadence(try CadenceParser.parse("every month on day 1 for 3 times"))
        let occurrences = schedule.occurrences(
            from: Instant(secondsSinceEpoch: 1_772_323_200),  // 2026-03-01T00:00Z
            to: Instant(secondsSinceEpoch: 1_893_456_000),  // 2030-01-01T00:00Z
            anchor: LocalDateTime("2026-01-01")!, context: scheduleContext())
        #expect(occurrences.map(\.key) == ["2026-03-01T09:00:00"])
    }
}

@Suite struct CadenceAfterCompletionTests {
    @Test func nextIsCountedFromTheCompletion() throws {
        let done = Zone.utc.instant(for: LocalDateTime("2026-03-05T16:00")!)
        #expect(
            try expand("every 2 weeks on tuesday after completion", anchor: "2026-03-01", count: 5, lastCompletion: done)
                == ["2026-03-24 09:00"])
        #expect(try expand("every 2 weeks after completion", anchor: "2026-03-01", count: 5, lastCompletion: done) == ["2026-03-19 09:00"])
        #expect(
            try expand("every 3 business days after completion", anchor: "2026-03-01", count: 5, lastCompletion: done.adding(seconds: 86_400))
                == ["2026-03-11 09:00"])
        let endOfJanuary = Zone.utc.instant(for: LocalDateTime("2026-01-31T12:00")!)
        #expect(try expand("every month after completion", anchor: "2026-01-01", count: 5, lastCompletion: endOfJanuary) == ["2026-02-28 09:00"])
    }

    @Test func withoutACompletionTheFirstIsAtTheGridStart() throws {
        #expect(try expand("every 2 weeks on tuesday after completion", anchor: "2026-03-01", count: 5) == ["2026-03-03 09:00"])
    }

    @Test func theCompletionDateIsReadInTheContextsZone() throws {
        // 03:00 UTC on March 6 is still March 5 in New York.
        let done = Instant(secondsSinceEpoch: 1_772_766_000)  // 2026-03-06T03:00Z
        #expect(
            try expand("every 2 days after completion", anchor: "2026-03-01", count: 5, context: scheduleContext("America/New_York"), lastCompletion: done)
                == ["2026-03-07 09:00"])
    }
}

@Suite struct ScheduleWindowTests {
    @Test func occurrencesInAWindow() throws {
        let context = scheduleContext("America/New_York")
        let schedule = try Schedule.parse("every week on tuesday at 10:00")
        let from = context.zone.instant(for: LocalDateTime("2026-03-03T10:00")!)
        let to = context.zone.instant(for: LocalDateTime("2026-03-17T10:00")!)
        let occurrences = schedule.occurrences(from: from, to: to, anchor: LocalDateTime("2026-01-01")!, context: context)
        #expect(occurrences.map { context.zone.iso8601($0.instant) } == ["2026-03-03T10:00:00-05:00", "2026-03-10T10:00:00-04:00"])
        #expect(
            schedule.occurrences(from: from, anchor: LocalDateTime("2026-01-01")!, context: context).prefix(3).map(\.key)
                == ["2026-03-03T10:00:00", "2026-03-10T10:00:00", "2026-03-17T10:00:00"])
    }

    /// SplitMix64: a small seeded generator, so that a failure is reproducible.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let periods: [(String, [String])] = [
        ("day", [""]), ("3 days", [""]), ("business day", [""]), ("2 business days", [""]),
        ("week", ["", "on tuesday", "on monday and thursday", "on the first business day", "on saturday, sunday"]),
        ("2 weeks", ["", "on friday"]),
        ("month", ["", "on day 31", "on the first tuesday", "on the last business day", "on the 2nd and last friday"]),
        ("3 months", ["", "on day 15", "on the fifth monday"]),
        ("quarter", ["", "on day 92", "on the first tuesday", "on the last business day"]),
        ("year", ["", "on march 15", "on february 29", "on the first monday", "on the last business day"]),
    ]

    @Test func aWindowFarFromTheStartIsTheSliceOfTheWholeSeries() throws {
        var random = SeededGenerator(state: 20_260_101)
        var holidays: [String] = []
        for year in 2025...2041 {
            holidays += ["\(year)-01-01", "\(year)-07-03", "\(year)-07-06", "\(year)-12-24", "\(year)-12-25", "\(year)-12-28"]
        }
        let zones = ["UTC", "America/New_York", "Europe/London", "Australia/Sydney"]
        let contexts = zones.map { scheduleContext($0, holidays: holidays) }
        var nonEmptyWindows = 0
        for _ in 0..<150 {
            let (period, dayChoices) = Self.periods.randomElement(using: &random)!
            let clauses = [
                dayChoices.randomElement(using: &random)!,
                ["", "at 10:00", "at 02:30", "at 01:30 and 14:00"].randomElement(using: &random)!,
                ["", "holidays next", "holidays previous", "holidays skip"].randomElement(using: &random)!,
                ["", "", "", "until 2040-03-31", "for 200 times"].randomElement(using: &random)!,
            ]
            let text = (["every \(period)"] + clauses).filter { !$0.isEmpty }.joined(separator: " ")
            let schedule = Schedule.cadence(try CadenceParser.parse(text))
            let context = contexts.randomElement(using: &random)!
            let anchor = LocalDateTime(
                date: CivilDate("2025-01-01")!.adding(days: Int.random(in: 0..<1000, using: &random)),
                time: LocalTime(hour: Int.random(in: 0..<24, using: &random), minute: 0)!)
            let windowStart = LocalDateTime(
                date: CivilDate("2040-01-01")!.adding(days: Int.random(in: 0..<120, using: &random)),
                time: LocalTime(hour: Int.random(in: 0..<24, using: &random), minute: 0)!)
            let from = context.zone.instant(for: windowStart)
            let to = from.adding(seconds: Int64.random(in: 1...90, using: &random) * 86_400)

            let window = schedule.occurrences(from: from, to: to, anchor: anchor, context: context)
            let slice = schedule.occurrences(anchor: anchor, context: context)
                .lazy.prefix { $0.instant < to }.filter { $0.instant >= from }
            #expect(window == Array(slice), "\(text) from \(anchor) in \(context.zone)")
            #expect(window == window.sorted(), "\(text) from \(anchor) in \(context.zone)")
            nonEmptyWindows += window.isEmpty ? 0 : 1
        }
        #expect(nonEmptyWindows > 80)
    }
}
