import Testing

@testable import KizunaCore

/// A customer's data as a condition sees it, fixed for a test.
struct FakeEnvironment: ConditionEnvironment {
    var today = CivilDate("2026-11-23")!
    var fields: [String: ConditionValue] = [:]
    var signals: [String: [SignalPoint]] = [:]
    var completeChecklists: Set<String> = []

    func field(_ name: String) -> ConditionValue? { fields[name] }
    func series(_ metric: String) -> [SignalPoint] { signals[metric] ?? [] }
    func checklistComplete(_ playbook: String) -> Bool { completeChecklists.contains(playbook) }
}

private func points(_ values: [(String, Double)]) -> [SignalPoint] {
    values.map { SignalPoint(date: CivilDate($0.0)!, value: $0.1) }
}

@Suite struct ConditionParsingTests {
    @Test func precedenceAndStructure() throws {
        let condition = try Condition(parsing: "not health >= 40 or tier == \"enterprise\" and seats > 10")
        #expect(
            condition.expression
                == .or(
                    .not(.compare(.field("health"), .greaterOrEqual, .literal(.number(40)))),
                    .and(
                        .compare(.field("tier"), .equal, .literal(.text("enterprise"))),
                        .compare(.field("seats"), .greater, .literal(.number(10))))))
        #expect(condition.source == condition.description)
    }

    @Test func functionsDurationsAndSignals() throws {
        #expect(
            try Condition(parsing: "days_since(last_login) > 14").expression
                == .compare(.daysSince(.signal("last_login")), .greater, .literal(.days(14))))
        #expect(
            try Condition(parsing: "pct_change(logins, 4 weeks) < -30").expression
                == .compare(.percentChange(series: "logins", days: 28), .less, .literal(.number(-30))))
        #expect(
            try Condition(parsing: "days_until(renewal_date) <= 90 days and (open_tickets > 5)").expression
                == .and(
                    .compare(.daysUntil(.field("renewal_date")), .lessOrEqual, .literal(.days(90))),
                    .compare(.signal("open_tickets"), .greater, .literal(.number(5)))))
        #expect(
            try Condition(parsing: "days_in_stage > 30 and renewal_date < 2027-01-01").expression
                == .and(
                    .compare(.daysSince(.field("stage_entered")), .greater, .literal(.days(30))),
                    .compare(.field("renewal_date"), .less, .literal(.date(CivilDate("2027-01-01")!)))))
        #expect(try Condition(parsing: "fields.region == 'emea'").expression == .compare(.field("fields.region"), .equal, .literal(.text("emea"))))
    }

    @Test(arguments: [
        ("helth < 40", SyntaxError("unknown field `helth`", at: 0, hint: "did you mean `health`?")),
        ("renewal_date < 90", SyntaxError(
            "cannot compare a date with a number", at: 13,
            hint: "compare a date with a date such as `2026-12-25`, or count days with `days_until(…)`")),
        ("health < 40 and tier", SyntaxError("expected a comparison such as `health < 40`, found a text", at: 16)),
        ("health", SyntaxError("expected a condition such as `health < 40`, found a number", at: 0)),
        ("tier > \"gold\"", SyntaxError("texts can only be compared with `==` or `!=`", at: 5)),
        ("health = 40", SyntaxError("unexpected `=`", at: 7, hint: "compare with `==`")),
        ("health < 40 40", SyntaxError("unexpected `40`", at: 12, hint: "join conditions with `and` or `or`")),
        ("(health < 40", SyntaxError("expected `)`, found the end of the condition", at: 12, hint: "every `(` needs its `)`")),
        ("1 < health < 3", SyntaxError("comparisons cannot be chained", at: 11, hint: "join two comparisons with `and`")),
        ("days_snce(x) > 3", SyntaxError("unknown function `days_snce`", at: 0, hint: "did you mean `days_since`?")),
        ("change(logins, 2 months) < 0", SyntaxError("durations in conditions count days or weeks, not months", at: 17, hint: "write e.g. `28 days`")),
        ("change(tier, 28 days) < 0", SyntaxError(
            "expected a metric (a signal or `health`)", at: 7, hint: "`change` takes a metric and a window, such as `change(logins, 28 days)`")),
        ("tier == \"gold", SyntaxError("unterminated text", at: 8, hint: "close it with \"")),
        ("renewal_date < 2026-02-30", SyntaxError("expected a date such as `2026-12-25`, found `2026-02-30`", at: 15)),
        ("health < 40 and", SyntaxError("expected a value such as `health` or `40`, found the end of the condition", at: 15)),
    ])
    func errorsNameTheirPosition(source: String, error: SyntaxError) {
        #expect(throws: error) { try Condition(parsing: source) }
    }
}

@Suite struct ConditionEvaluationTests {
    @Test func comparesFieldsAndSignals() throws {
        let environment = FakeEnvironment(
            fields: ["health": .number(35), "tier": .text("enterprise")],
            signals: ["nps": points([("2026-10-01", 9), ("2026-11-20", 4)])])
        #expect(try Condition(parsing: "health < 40").evaluate(in: environment) == true)
        #expect(try Condition(parsing: "tier != \"enterprise\"").evaluate(in: environment) == false)
        #expect(try Condition(parsing: "nps <= 6").evaluate(in: environment) == true)
        #expect(try Condition(parsing: "not nps <= 6").evaluate(in: environment) == false)
    }

    @Test func missingDataIsUnknownWithThreeValuedLogic() throws {
        let environment = FakeEnvironment(fields: ["health": .number(80)])
        #expect(try Condition(parsing: "arr > 1000").evaluate(in: environment) == nil)
        #expect(try Condition(parsing: "arr > 1000 and health < 40").evaluate(in: environment) == false)
        #expect(try Condition(parsing: "arr > 1000 or health > 40").evaluate(in: environment) == true)
        #expect(try Condition(parsing: "arr > 1000 or health < 40").evaluate(in: environment) == nil)
        #expect(try Condition(parsing: "not arr > 1000").evaluate(in: environment) == nil)
    }

    @Test func daysSinceAndUntil() throws {
        let environment = FakeEnvironment(
            fields: ["renewal_date": .date(CivilDate("2027-01-22")!), "stage_entered": .date(CivilDate("2026-11-01")!)],
            signals: ["last_login": points([("2026-11-03", 1)])])
        #expect(try Condition(parsing: "days_since(last_login) > 14").evaluate(in: environment) == true)
        #expect(try Condition(parsing: "days_since(last_login) == 20 days").evaluate(in: environment) == true)
        #expect(try Condition(parsing: "days_until(renewal_date) <= 60").evaluate(in: environment) == true)
        #expect(try Condition(parsing: "days_until(renewal_date) < 60").evaluate(in: environment) == false)
        #expect(try Condition(parsing: "days_in_stage == 22").evaluate(in: environment) == true)
        #expect(try Condition(parsing: "renewal_date > today").evaluate(in: environment) == true)
    }

    @Test func changeOverAWindow() throws {
        let environment = FakeEnvironment(signals: [
            "logins": points([("2026-10-18", 200), ("2026-10-25", 100), ("2026-11-10", 60), ("2026-11-22", 40)]),
            "tickets": points([("2026-11-20", 3)]),
            "zeros": points([("2026-10-01", 0), ("2026-11-22", 5)]),
            // Fewer logins on Sundays: the latest (Sunday) compares with a Sunday, not with the Monday 28 days before today.
            "weekdays": points([("2026-10-25", 10), ("2026-10-26", 50), ("2026-11-21", 50), ("2026-11-22", 10)]),
        ])
        // 28 days before the latest observation (2026-11-22) is 2026-10-25: the baseline is 100.
        #expect(try Condition(parsing: "change(logins, 28 days) == -60").evaluate(in: environment) == true)
        #expect(try Condition(parsing: "pct_change(logins, 4 weeks) <= -60").evaluate(in: environment) == true)
        #expect(try Condition(parsing: "change(tickets, 28 days) > 0").evaluate(in: environment) == nil)
        #expect(try Condition(parsing: "pct_change(zeros, 28 days) > 0").evaluate(in: environment) == nil)
        #expect(try Condition(parsing: "change(zeros, 28 days) > 0").evaluate(in: environment) == true)
        #expect(try Condition(parsing: "pct_change(weekdays, 28 days) == 0").evaluate(in: environment) == true)
    }
}
