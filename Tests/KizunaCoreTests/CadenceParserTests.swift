import Testing

@testable import KizunaCore

private func time(_ text: String) -> LocalTime { LocalTime(text)! }
private func date(_ text: String) -> CivilDate { CivilDate(text)! }

@Suite struct CadenceParserTests {
    static let forms: [(String, Cadence)] = [
        ("every week on tuesday at 10:00", Cadence(frequency: .week, days: [.weekday(.tuesday)], times: [time("10:00")])),
        (
            "every 2 weeks on thursday at 15:00",
            Cadence(interval: 2, frequency: .week, days: [.weekday(.thursday)], times: [time("15:00")])
        ),
        ("every 3 days", Cadence(interval: 3, frequency: .day)),
        ("every business day at 09:30", Cadence(frequency: .businessDay, times: [time("09:30")])),
        ("every month on day 15", Cadence(frequency: .month, days: [.day(15)])),
        ("every month on day 31", Cadence(frequency: .month, days: [.day(31)])),
        ("every month on the first tuesday", Cadence(frequency: .month, days: [.nthWeekday(1, .tuesday)])),
        ("every month on the last business day", Cadence(frequency: .month, days: [.businessDay(-1)])),
        (
            "every quarter on the first tuesday at 10:00",
            Cadence(frequency: .quarter, days: [.nthWeekday(1, .tuesday)], times: [time("10:00")])
        ),
        ("every quarter on day 15", Cadence(frequency: .quarter, days: [.day(15)])),
        ("every year on march 15", Cadence(frequency: .year, days: [.monthDay(month: 3, day: 15)])),
        (
            "every month on the 2nd and last friday",
            Cadence(frequency: .month, days: [.nthWeekday(2, .friday), .nthWeekday(-1, .friday)])
        ),
        (
            "every week on monday, wednesday and friday at 09:00, 14:00",
            Cadence(
                frequency: .week, days: [.weekday(.monday), .weekday(.wednesday), .weekday(.friday)],
                times: [time("09:00"), time("14:00")])
        ),
        ("every 2 weeks after completion", Cadence(interval: 2, frequency: .week, recurrence: .afterCompletion)),
        (
            "every week on tuesday at 10:00 holidays next from stage entered + 2 business days until renewal date",
            Cadence(
                frequency: .week, days: [.weekday(.tuesday)], times: [time("10:00")], holidays: .next,
                start: Anchor(.stageEntered, offsets: [CalendarSpan(2, .businessDay)]), end: .until(Anchor(.renewalDate)))
        ),
        (
            "every month on day 1 from renewal date - 90 days for 6 times",
            Cadence(
                frequency: .month, days: [.day(1)], start: Anchor(.renewalDate, offsets: [CalendarSpan(-90, .day)]),
                end: .count(6))
        ),
        ("every day from customer since", Cadence(frequency: .day, start: Anchor(.customerSince))),
        (
            "every week from 2026-01-05 until 2027-06-30 holidays skip",
            Cadence(
                frequency: .week, holidays: .skip, start: Anchor(.date(date("2026-01-05"))),
                end: .until(Anchor(.date(date("2027-06-30")))))
        ),
        ("every other week", Cadence(interval: 2, frequency: .week)),
        ("every month on the 1st and 15th", Cadence(frequency: .month, days: [.day(1), .day(15)])),
        ("every month on the second last business day", Cadence(frequency: .month, days: [.businessDay(-2)])),
        ("every month on the last day", Cadence(frequency: .month, days: [.day(-1)])),
        ("every year on the first monday", Cadence(frequency: .year, days: [.nthWeekday(1, .monday)])),
        ("every month on tuesdays", Cadence(frequency: .month, days: [.weekday(.tuesday)])),
        ("every week on the first business day", Cadence(frequency: .week, days: [.businessDay(1)])),
        ("every 3 months on Day 10 at 9:30 and 16:00", Cadence(interval: 3, frequency: .month, days: [.day(10)], times: [time("09:30"), time("16:00")])),
        ("every day at 09:15:30 and 23:59:59", Cadence(frequency: .day, times: [time("09:15:30"), time("23:59:59")])),
    ]

    @Test(arguments: forms)
    func readsEachForm(text: String, expected: Cadence) throws {
        #expect(try CadenceParser.parse(text) == expected)
    }

    @Test(arguments: forms)
    func canonicalTextReadsBackToTheSameCadence(text: String, expected: Cadence) throws {
        #expect(try CadenceParser.parse(expected.description) == expected)
    }

    @Test func canonicalText() throws {
        #expect(
            try CadenceParser.parse("every month on the 2nd and last friday at 9:00").description
                == "every month on the second friday and the last friday at 09:00")
        #expect(
            try CadenceParser.parse("every other week on tue, thu from stage entered+2 business days").description
                == "every 2 weeks on tuesday and thursday from stage entered + 2 business days")
        #expect(
            try CadenceParser.parse("every 2 weeks after completion until renewal date - 1 month").description
                == "every 2 weeks until renewal date - 1 month after completion")
        #expect(try CadenceParser.parse("every month on the 14th day for 1 time").description == "every month on day 14 for 1 time")
    }

    @Test func partsForPlaybookKeys() throws {
        #expect(try CadenceParser.parseFrequency("2 weeks") == (2, .week))
        #expect(try CadenceParser.parseFrequency("business day") == (1, .businessDay))
        #expect(try CadenceParser.parseFrequency("quarter") == (1, .quarter))
        #expect(try CadenceParser.parseDays("first tuesday") == [.nthWeekday(1, .tuesday)])
        #expect(try CadenceParser.parseDays("last business day") == [.businessDay(-1)])
        #expect(try CadenceParser.parseDays("day 15", for: .quarter) == [.day(15)])
        #expect(try CadenceParser.parseDays("march 15th") == [.monthDay(month: 3, day: 15)])
        #expect(try CadenceParser.parseDays("mon and fri") == [.weekday(.monday), .weekday(.friday)])
        #expect(try CadenceParser.parseTimes("09:00, 14:00") == [time("09:00"), time("14:00")])
        #expect(
            try CadenceParser.parseAnchor("stage entered + 2 business days")
                == Anchor(.stageEntered, offsets: [CalendarSpan(2, .businessDay)]))
        #expect(try CadenceParser.parseAnchor("renewal date - 90 days") == Anchor(.renewalDate, offsets: [CalendarSpan(-90, .day)]))
        #expect(try CadenceParser.parseAnchor("customer since") == Anchor(.customerSince))
        #expect(try CadenceParser.parseAnchor("2027-01-15") == Anchor(.date(date("2027-01-15"))))
        #expect(try CadenceParser.parseSpan("1 business day") == CalendarSpan(1, .businessDay))
        #expect(try CadenceParser.parseSpan("2 hours") == CalendarSpan(2, .hour))
        #expect(try CadenceParser.parseSpan("90 days") == CalendarSpan(90, .day))
        #expect(try CadenceParser.parseSpan("3 months") == CalendarSpan(3, .month))
        #expect(try CadenceParser.parseSpan("-2 days") == CalendarSpan(-2, .day))
        #expect(try CadenceParser.parseSpan("+ 1 week") == CalendarSpan(1, .week))
        #expect(try CadenceParser.parseRelativeSpan("5 business days before") == CalendarSpan(-5, .businessDay))
        #expect(try CadenceParser.parseRelativeSpan("2 days after") == CalendarSpan(2, .day))
        #expect(try CadenceParser.parseRelativeSpan("on the day") == CalendarSpan(0, .day))
        #expect(try CadenceParser.parseEnd("until 2027-06-30") == .until(Anchor(.date(date("2027-06-30")))))
        #expect(try CadenceParser.parseEnd("until renewal date") == .until(Anchor(.renewalDate)))
        #expect(try CadenceParser.parseEnd("for 6 times") == .count(6))
        #expect(try CadenceParser.parseEnd("6 times") == .count(6))
        #expect(try CadenceParser.parseEnd("renewal date") == .until(Anchor(.renewalDate)))
        #expect(try CadenceParser.parseHolidayPolicy("next") == .next)
        #expect(try CadenceParser.parseHolidayPolicy("previous business day") == .previous)
        #expect(try CadenceParser.parseHolidayPolicy("skip") == .skip)
        #expect(try CadenceParser.parseHolidayPolicy("keep") == .keep)
    }

    @Test func scheduleReadsFriendlyCadences() throws {
        #expect(try Schedule.parse("  every week on monday") == .cadence(Cadence(frequency: .week, days: [.weekday(.monday)])))
    }

    /// (text, message, offset, hint)
    static let badCadences: [(String, String, Int, String?)] = [
        ("every 0 weeks", "expected an interval of at least 1, found `0`", 6, nil),
        ("every week on day 15", "`day 15` needs a monthly, quarterly or yearly cadence", 14, nil),
        (
            "every week on first tuesday",
            "`first tuesday` needs a monthly, quarterly or yearly cadence: a week has one tuesday", 14, nil
        ),
        ("every month on day 32", "`day 32` does not exist: a month has at most 31 days", 15, nil),
        ("every quarter on day 93", "`day 93` does not exist: a quarter has at most 92 days", 17, nil),
        ("every year on february 30", "`february 30` does not exist: february has 29 days at most", 14, nil),
        ("every week on march 15", "`march 15` needs a yearly cadence", 14, nil),
        ("every month on the 6th tuesday", "`6th tuesday` does not exist: a month has at most 5 tuesdays", 19, nil),
        (
            "every week on tuesday at 25:00",
            "`25:00` is not a time of day: write 24-hour `HH:MM` or `HH:MM:SS`, from 00:00 to 23:59:59", 25, nil
        ),
        ("every week on tuesday at 10", "expected a time of day such as `10:00`, found `10`", 25, "did you mean `10:00`?"),
        (
            "every week on tusday",
            "expected a day such as `tuesday`, `first monday`, `day 15` or `march 15`, found `tusday`", 14,
            "did you mean `tuesday`?"
        ),
        (
            "every week on thrusday",
            "expected a day such as `tuesday`, `first monday`, `day 15` or `march 15`, found `thrusday`", 14,
            "did you mean `thursday`?"
        ),
        ("every 2 weks", "expected a period such as `week` or `2 months`, found `weks`", 8, "did you mean `weeks`?"),
        ("every mnth", "expected a period such as `week` or `2 months`, found `mnth`", 6, "did you mean `month`?"),
        ("every busines day", "expected a period such as `week` or `2 months`, found `busines`", 6, "did you mean `business`?"),
        (
            "every week untill 2027-01-01",
            "expected `on`, `at`, `holidays`, `from`, `until`, `for` or `after completion`, found `untill`", 11,
            "did you mean `until`?"
        ),
        ("every 3 days on tuesday", "days cannot be chosen for a cadence counted in days: remove `tuesday`", 16, nil),
        ("every month on the first", "expected a weekday, `day` or `business day` after `first`", 19, nil),
        ("every week from stage enterd", "expected `entered`, found `enterd`", 22, "did you mean `entered`?"),
        ("every week from 2026-02-30", "`2026-02-30` is not a date: write `YYYY-MM-DD`, such as `2027-01-15`", 16, nil),
        (
            "every week from renewl date",
            "expected an anchor such as `stage entered`, `customer since`, `renewal date` or `2027-01-15`, found `renewl`",
            16, "did you mean `renewal`?"
        ),
        (
            "every week holidays nxt", "expected a holiday policy: `next`, `previous`, `skip` or `keep`, found `nxt`", 20,
            "did you mean `next`?"
        ),
        ("every week on tuesday on friday", "`on` is given twice: keep one", 22, nil),
        ("every week for 3 times until 2027-01-01", "the cadence already has an end: keep one of `until` and `for`", 23, nil),
        (
            "every 2 weeks after completion for 3 times",
            "a cadence after completion cannot count its occurrences: end it with `until` instead", 31, nil
        ),
        ("every week for 0 times", "expected at least 1 time, found `0`", 15, nil),
        ("weekly", "expected `every`, found `weekly`", 0, nil),
        ("every", "expected a period such as `week` or `2 months`, found the end of the text", 5, nil),
        (
            "every week on tuesday and",
            "expected a day such as `tuesday`, `first monday`, `day 15` or `march 15`, found the end of the text", 25, nil
        ),
        ("every month on day 0", "days are counted from 1, found `0`", 19, nil),
        ("every month on the 0th friday", "days are counted from 1, found `0th`", 19, nil),
        (
            "every year on march 15 from renewal date - 90 dys",
            "expected a unit such as `days` or `business days`, found `dys`", 46, "did you mean `days`?"
        ),
        ("every week after done", "expected `completion`, found `done`", 17, nil),
        ("every month on day 15 & 20", "expected `on`, `at`, `holidays`, `from`, `until`, `for` or `after completion`, found `&`", 22, nil),
    ]

    @Test(arguments: badCadences)
    func reportsMistakesAtTheOffendingWord(text: String, message: String, offset: Int, hint: String?) {
        #expect(throws: SyntaxError(message, at: offset, hint: hint)) { try CadenceParser.parse(text) }
    }

    @Test func partsReportMistakesToo() {
        #expect(throws: SyntaxError("`day 15` needs a monthly, quarterly or yearly cadence", at: 0)) {
            try CadenceParser.parseDays("day 15", for: .week)
        }
        #expect(throws: SyntaxError("expected the end of the days, found `wednesday`", at: 8)) {
            try CadenceParser.parseDays("tuesday wednesday")
        }
        #expect(throws: SyntaxError("expected `before` or `after`, found `befor`", at: 7, hint: "did you mean `before`?")) {
            try CadenceParser.parseRelativeSpan("2 days befor")
        }
        #expect(throws: SyntaxError("expected a unit such as `days` or `business days`, found `fortnights`", at: 2)) {
            try CadenceParser.parseSpan("2 fortnights")
        }
        #expect(throws: SyntaxError("expected `times`, found the end of the text", at: 5, hint: nil)) {
            try CadenceParser.parseEnd("for 3")
        }
        #expect(throws: SyntaxError("expected the end of the period, found `on`", at: 8)) {
            try CadenceParser.parseFrequency("2 weeks on monday")
        }
    }
}
