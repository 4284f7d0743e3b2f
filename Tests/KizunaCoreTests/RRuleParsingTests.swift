import Testing

@testable import KizunaCore

@Suite struct RRuleParsingTests {
    private func error(_ text: String) -> SyntaxError? {
        do {
            _ = try RecurrenceRule(parsing: text)
            return nil
        } catch {
            return error
        }
    }

    private func expectError(
        _ text: String, _ message: String, at offset: Int, hint: String? = nil,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        #expect(error(text) == SyntaxError(message, at: offset, hint: hint), sourceLocation: sourceLocation)
    }

    @Test func readsEveryPartInAnyOrderAndCase() throws {
        let rule = try RecurrenceRule(
            parsing: "rrule:bymonth=3,1,3;freq=yearly;byday=-1fr,+2TU,mo;interval=2;count=5;wkst=su;bysetpos=-1;byhour=9;byminute=30;bysecond=0")
        #expect(rule.frequency == .yearly)
        #expect(rule.interval == 2)
        #expect(rule.count == 5)
        #expect(rule.byMonth == [1, 3])
        #expect(rule.byDay.map(\.description) == ["-1FR", "MO", "2TU"])
        #expect(rule.weekStart == .sunday)
        #expect(rule.bySetPosition == [-1])
        #expect((rule.byHour, rule.byMinute, rule.bySecond) == ([9], [30], [0]))
        #expect(rule.skip == .omit)
    }

    @Test func readsTheThreeFormsOfUntil() throws {
        #expect(try RecurrenceRule(parsing: "FREQ=DAILY;UNTIL=20261231").until == .date(CivilDate("2026-12-31")!))
        #expect(try RecurrenceRule(parsing: "FREQ=DAILY;UNTIL=20261231T170000").until == .floating(LocalDateTime("2026-12-31T17:00")!))
        #expect(
            try RecurrenceRule(parsing: "FREQ=DAILY;UNTIL=20261231T170000Z").until
                == .utc(Instant(secondsSinceEpoch: LocalDateTime("2026-12-31T17:00")!.secondsSinceEpoch)))
    }

    @Test func readsRScaleAndSkip() throws {
        #expect(try RecurrenceRule(parsing: "RRULE:RSCALE=GREGORIAN;FREQ=MONTHLY;SKIP=BACKWARD").skip == .backward)
        #expect(try RecurrenceRule(parsing: "FREQ=MONTHLY;RSCALE=gregorian;SKIP=forward").skip == .forward)
        #expect(try RecurrenceRule(parsing: "FREQ=MONTHLY;RSCALE=GREGORIAN").skip == .omit)
    }

    @Test func equalRulesAreEqualHowEverWritten() throws {
        #expect(try RecurrenceRule(parsing: "FREQ=WEEKLY;BYDAY=MO,WE") == RecurrenceRule(parsing: "RRULE:byday=WE,MO,MO;freq=weekly;INTERVAL=1"))
    }

    @Test func misspeltFrequency() {
        expectError(
            "RRULE:FREQ=MONTLY", "expected FREQ to be one of SECONDLY, MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY, YEARLY, found `MONTLY`",
            at: 11, hint: "did you mean `MONTHLY`?")
        expectError(
            "FREQ=weakly", "expected FREQ to be one of SECONDLY, MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY, YEARLY, found `weakly`",
            at: 5, hint: "did you mean `WEEKLY`?")
    }

    @Test func unknownPart() {
        expectError(
            "FREQ=DAILY;BYMONTHS=1",
            "expected a rule part (FREQ, UNTIL, COUNT, INTERVAL, BYSECOND, BYMINUTE, BYHOUR, BYDAY, BYMONTHDAY, BYYEARDAY, BYWEEKNO, BYMONTH, BYSETPOS, WKST, RSCALE, SKIP), found `BYMONTHS`",
            at: 11, hint: "did you mean `BYMONTH`?")
        expectError(
            "RRULE:FREQ=DAILY;X-KIZUNA=1",
            "expected a rule part (FREQ, UNTIL, COUNT, INTERVAL, BYSECOND, BYMINUTE, BYHOUR, BYDAY, BYMONTHDAY, BYYEARDAY, BYWEEKNO, BYMONTH, BYSETPOS, WKST, RSCALE, SKIP), found `X-KIZUNA`",
            at: 17)
    }

    @Test func repeatedPart() {
        expectError("FREQ=DAILY;COUNT=2;COUNT=3", "expected each rule part once, found a second COUNT", at: 19)
        expectError("FREQ=DAILY;FREQ=WEEKLY", "expected each rule part once, found a second FREQ", at: 11)
    }

    @Test func missingFrequency() {
        expectError("BYDAY=MO", "expected a FREQ rule part, such as `FREQ=WEEKLY`", at: 0)
        expectError("RRULE:BYDAY=MO;COUNT=3", "expected a FREQ rule part, such as `FREQ=WEEKLY`", at: 6)
    }

    @Test func emptyRulesAndParts() {
        expectError("", "expected a rule part such as `FREQ=WEEKLY`, found nothing", at: 0)
        expectError("RRULE:", "expected a rule part such as `FREQ=WEEKLY`, found nothing", at: 6)
        expectError("FREQ=DAILY;", "expected a rule part after `;`, found nothing", at: 11)
        expectError("FREQ=DAILY;;COUNT=1", "expected a rule part after `;`, found nothing", at: 11)
        expectError("FREQ", "expected `=` and a value after `FREQ`", at: 4)
        expectError("FREQ=DAILY;COUNT=", "expected COUNT to be a positive integer, found nothing", at: 17)
    }

    @Test func numbersOutOfRange() {
        expectError("FREQ=MONTHLY;BYMONTHDAY=1,0", "expected BYMONTHDAY values from 1 to 31 or -31 to -1, found `0`", at: 26)
        expectError("FREQ=MONTHLY;BYMONTHDAY=-32", "expected BYMONTHDAY values from 1 to 31 or -31 to -1, found `-32`", at: 24)
        expectError("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0", "expected BYSETPOS values from 1 to 366 or -366 to -1, found `0`", at: 31)
        expectError("FREQ=YEARLY;BYWEEKNO=54", "expected BYWEEKNO values from 1 to 53 or -53 to -1, found `54`", at: 21)
        expectError("FREQ=YEARLY;BYYEARDAY=367", "expected BYYEARDAY values from 1 to 366 or -366 to -1, found `367`", at: 22)
        expectError("FREQ=YEARLY;BYMONTH=1,,2", "expected BYMONTH values from 1 to 12, found nothing", at: 22)
        expectError("FREQ=DAILY;BYHOUR=-1", "expected BYHOUR values from 0 to 23, found `-1`", at: 18)
        expectError("FREQ=DAILY;BYMINUTE=60", "expected BYMINUTE values from 0 to 59, found `60`", at: 20)
        expectError("FREQ=DAILY;BYSECOND=61", "expected BYSECOND values from 0 to 60, found `61`", at: 20)
        expectError("FREQ=DAILY;INTERVAL=0", "expected INTERVAL to be a positive integer, found `0`", at: 20)
        expectError("FREQ=DAILY;INTERVAL=-2", "expected INTERVAL to be a positive integer, found `-2`", at: 20)
        expectError(
            "FREQ=DAILY;COUNT=99999999999999999999", "expected COUNT to be a positive integer, found `99999999999999999999`", at: 17)
    }

    @Test func badWeekdays() {
        expectError("FREQ=MONTHLY;BYDAY=MONDAY", "expected BYDAY values such as MO, 2TU or -1FR, found `MONDAY`", at: 19, hint: "did you mean `MO`?")
        expectError("FREQ=MONTHLY;BYDAY=MO,1XX", "expected BYDAY values such as MO, 2TU or -1FR, found `1XX`", at: 22)
        expectError("FREQ=MONTHLY;BYDAY=0MO", "expected BYDAY ordinals from 1 to 53 or -53 to -1, found `0MO`", at: 19)
        expectError("FREQ=YEARLY;BYDAY=-54FR", "expected BYDAY ordinals from 1 to 53 or -53 to -1, found `-54FR`", at: 18)
        expectError("FREQ=WEEKLY;WKST=XX", "expected WKST to be one of MO, TU, WE, TH, FR, SA, SU, found `XX`", at: 17)
        expectError("FREQ=WEEKLY;WKST=sunday", "expected WKST to be one of MO, TU, WE, TH, FR, SA, SU, found `sunday`", at: 17, hint: "did you mean `SU`?")
    }

    @Test func ordinalsWhereTheRFCForbidsThem() {
        expectError(
            "FREQ=WEEKLY;BYDAY=MO,2TU", "BYDAY ordinal `2TU` cannot be used with FREQ=WEEKLY", at: 21,
            hint: "ordinals need FREQ=MONTHLY or FREQ=YEARLY; `TU` means every such weekday")
        expectError(
            "FREQ=DAILY;BYDAY=-1FR", "BYDAY ordinal `-1FR` cannot be used with FREQ=DAILY", at: 17,
            hint: "ordinals need FREQ=MONTHLY or FREQ=YEARLY; `FR` means every such weekday")
        expectError(
            "FREQ=YEARLY;BYWEEKNO=20;BYDAY=1MO", "BYDAY ordinal `1MO` cannot be combined with BYWEEKNO", at: 30,
            hint: "`MO` means that weekday of each chosen week")
    }

    @Test func partsTheRFCMarksNotApplicable() {
        expectError("FREQ=MONTHLY;BYWEEKNO=1", "BYWEEKNO cannot be used with FREQ=MONTHLY", at: 13, hint: "it needs FREQ=YEARLY")
        expectError(
            "FREQ=DAILY;BYYEARDAY=1", "BYYEARDAY cannot be used with FREQ=DAILY", at: 11,
            hint: "RFC 5545 allows it with FREQ=YEARLY, HOURLY, MINUTELY or SECONDLY")
        expectError(
            "FREQ=WEEKLY;BYMONTHDAY=1", "BYMONTHDAY cannot be used with FREQ=WEEKLY", at: 12,
            hint: "RFC 5545 allows it with every FREQ but WEEKLY")
        expectError("FREQ=MONTHLY;BYSETPOS=1", "expected another BYxxx rule part for BYSETPOS to choose from", at: 13)
    }

    @Test func countWithUntil() {
        expectError("FREQ=DAILY;COUNT=5;UNTIL=20260101", "expected either COUNT or UNTIL, found both", at: 19)
        expectError("FREQ=DAILY;UNTIL=20260101;COUNT=5", "expected either COUNT or UNTIL, found both", at: 26)
    }

    @Test func malformedUntil() {
        let message = "expected UNTIL to be a date (YYYYMMDD) or a date-time (YYYYMMDDTHHMMSS, with Z for UTC)"
        expectError("FREQ=DAILY;UNTIL=2026-01-01", "\(message), found `2026-01-01`", at: 17)
        expectError("FREQ=DAILY;UNTIL=20260230", "\(message), found `20260230`", at: 17)
        expectError("FREQ=DAILY;UNTIL=20260101T250000Z", "\(message), found `20260101T250000Z`", at: 17)
        expectError("FREQ=DAILY;UNTIL=20260101T1200", "\(message), found `20260101T1200`", at: 17)
    }

    @Test func rscaleAndSkip() {
        expectError("FREQ=MONTHLY;SKIP=BACKWARD", "expected RSCALE with SKIP (RFC 7529)", at: 13, hint: "add `RSCALE=GREGORIAN`")
        expectError(
            "RSCALE=HEBREW;FREQ=YEARLY", "expected RSCALE to be GREGORIAN, found `HEBREW`", at: 7,
            hint: "only the Gregorian calendar is supported")
        expectError(
            "RSCALE=GREGORIAN;FREQ=MONTHLY;SKIP=FORWAD", "expected SKIP to be one of OMIT, BACKWARD, FORWARD, found `FORWAD`", at: 35,
            hint: "did you mean `FORWARD`?")
    }

    @Test func offsetsCountUnicodeScalars() {
        // "é" written as e and a combining accent is one character but two scalars.
        expectError("FREQ=DAILY;BYDAY=MO,Te\u{301}", "expected BYDAY values such as MO, 2TU or -1FR, found `Te\u{301}`", at: 20)
        expectError("FREQ=DAILY;BYDAY=Te\u{301};COUNT=0", "expected BYDAY values such as MO, 2TU or -1FR, found `Te\u{301}`", at: 17)
        expectError("FREQ=DAILY;BYMONTH=1;COUNT=2;X\u{301}=0;", "expected a rule part (FREQ, UNTIL, COUNT, INTERVAL, BYSECOND, BYMINUTE, BYHOUR, BYDAY, BYMONTHDAY, BYYEARDAY, BYWEEKNO, BYMONTH, BYSETPOS, WKST, RSCALE, SKIP), found `X\u{301}`", at: 29)
    }

    @Test func neverTrapsOnArbitraryRules() {
        let names = RulePart.allCases.map(\.rawValue).filter { $0 != "FREQ" } + ["BYDAY", "BYDAY", "BYMONTHDAY", "X-NAME", ""]
        let values = [
            "1", "-1", "0", "2", "3", "12", "31", "-31", "53", "-53", "366", "-366", "60", "9223372036854775807", "MO", "-1FR",
            "53SU", "-53MO", "+5TU", "20261231", "99991231T235959Z", "00000101T000000", "GREGORIAN", "BACKWARD", "FORWARD", "SU", "é", "",
        ]
        var random = SplitMix64(seed: 7)
        let starts = ["2026-01-31T10:00", "0000-01-01T00:00", "9999-12-31T23:59:59", "2024-02-29T23:30"].map { LocalDateTime($0)! }
        var parsed = 0
        for _ in 0..<3000 {
            var parts = (0..<random.int(0...5)).map { _ in
                random.pick(names) + "=" + (0..<random.int(1...3)).map { _ in random.pick(values) }.joined(separator: ",")
            }
            let frequency = random.pick(RecurrenceRule.Frequency.allCases).name
            parts.insert("FREQ=\(frequency)", at: random.int(0...parts.count))
            let text = (random.chance(50) ? "RRULE:" : "") + parts.joined(separator: ";")
            guard let rule = try? RecurrenceRule(parsing: text) else { continue }
            parsed += 1
            for start in starts {
                let occurrences = Array(rule.occurrences(from: start, zone: .utc).prefix(5))
                #expect(zip(occurrences, occurrences.dropFirst()).allSatisfy { $0 < $1 }, "\(text)")
            }
        }
        #expect(parsed >= 300, "the generator should make valid rules too")
    }
}
