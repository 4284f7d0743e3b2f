import Testing

@testable import KizunaCore

private func day(_ text: String) -> CivilDate { CivilDate(text)! }

private func daily(_ metric: String, from first: String, values: [Double]) -> [String: [SignalPoint]] {
    [metric: values.enumerated().map { SignalPoint(date: day(first).adding(days: $0.offset), value: $0.element) }]
}

@Suite struct HealthScoringTests {
    let logins = HealthMeasure(
        name: "weekly logins", metric: "logins", aggregate: .perWeek, window: CalendarSpan(28, .day), bad: 0, good: 20, weight: 3)
    let tickets = HealthMeasure(
        name: "open tickets", metric: "open_tickets", aggregate: .latest, window: CalendarSpan(30, .day), bad: 10, good: 0, weight: 1)

    @Test func perWeekOverTheWindowNormalizedAndWeighted() {
        let model = HealthModel(measures: [logins, tickets])
        // 2 logins a day for 28 days ending today: 14 a week, 0.7 of the way to 20.
        var series = daily("logins", from: "2026-10-27", values: Array(repeating: 2, count: 28))
        series["open_tickets"] = [SignalPoint(date: day("2026-11-20"), value: 5)]  // half way, less is better
        let score = model.score(series: series, on: day("2026-11-23"))
        #expect(score.measures[0].value == 14)
        #expect(score.measures[1].normalized == 0.5)
        #expect(score.score == 65)  // (0.7 × 3 + 0.5 × 1) / 4
        #expect(score.band == .yellow)
        #expect(score.drivers.first?.name == "weekly logins")
    }

    @Test func observationsOutsideTheWindowOrInTheFutureDoNotCount() {
        let model = HealthModel(measures: [logins])
        let series: [String: [SignalPoint]] = [
            "logins": [
                SignalPoint(date: day("2026-10-26"), value: 100),  // 28 days before: outside
                SignalPoint(date: day("2026-10-27"), value: 7),
                SignalPoint(date: day("2026-11-24"), value: 100),  // tomorrow
            ]
        ]
        #expect(model.score(series: series, on: day("2026-11-23")).measures[0].value == 1.75)
    }

    @Test func withoutEnoughDataTheScoreIsUnknownNotZero() {
        let model = HealthModel(measures: [logins, tickets])
        let onlyTickets = ["open_tickets": [SignalPoint(date: day("2026-11-20"), value: 0)]]
        let score = model.score(series: onlyTickets, on: day("2026-11-23"))
        #expect(score.score == nil)
        #expect(score.band == .unknown)
        // With the coverage lowered to a quarter, the ticket measure alone is enough.
        var lenient = model
        lenient.coverage = 0.25
        #expect(lenient.score(series: onlyTickets, on: day("2026-11-23")).score == 100)
    }

    @Test func valuesBeyondTheBoundsAreClamped() {
        let model = HealthModel(measures: [logins])
        let score = model.score(series: daily("logins", from: "2026-11-01", values: Array(repeating: 50, count: 23)), on: day("2026-11-23"))
        #expect(score.score == 100)
        #expect(score.band == .green)
    }

    @Test(arguments: [
        // A month back from March 31 is February's last day: the window is March 1–31.
        ("2026-03-31", "2026-02-28"), ("2028-03-31", "2028-02-29"), ("2026-12-31", "2026-11-30"), ("2027-01-31", "2026-12-31"),
    ])
    func monthWindowsCountOnTheCalendar(today: String, before: String) {
        #expect(CalendarSpan(1, .month).windowStart(endingOn: day(today)) == day(before))
    }

    @Test func aMonthWindowAtMonthEndTakesTheWholeMonth() {
        let measure = HealthMeasure(
            name: "tickets", metric: "t", aggregate: .count, window: CalendarSpan(1, .month), bad: 0, good: 1, weight: 1)
        let points = (0..<40).map { SignalPoint(date: day("2026-02-20").adding(days: $0), value: 1) }
        #expect(measure.value(of: points, on: day("2026-03-31")) == 31)
    }

    @Test func aggregates() {
        let points = [("2026-11-21", 4.0), ("2026-11-22", 1.0), ("2026-11-23", 7.0)].map { SignalPoint(date: day($0.0), value: $0.1) }
        func value(_ aggregate: HealthAggregate) -> Double? {
            HealthMeasure(name: "m", metric: "m", aggregate: aggregate, window: CalendarSpan(7, .day), bad: 0, good: 1, weight: 1)
                .value(of: points, on: day("2026-11-23"))
        }
        #expect(value(.latest) == 7)
        #expect(value(.sum) == 12)
        #expect(value(.average) == 4)
        #expect(value(.count) == 3)
        #expect(value(.min) == 1)
        #expect(value(.max) == 7)
        #expect(value(.perWeek) == 12)
    }
}
