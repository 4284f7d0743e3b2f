import KizunaCore
import Testing

@Suite struct KPICalculatorTests {
    /// 2026-07-01T00:00:00Z; the period is its 30 days.
    static let origin = Instant(secondsSinceEpoch: 1_782_864_000)
    static func day(_ offset: Int, hour: Int = 0) -> Instant { origin.adding(seconds: Int64(offset) * 86_400 + Int64(hour) * 3_600) }
    static let start = day(0)
    static let end = day(30)

    private typealias Stage = CustomerHistory.StageEntry
    private typealias Value = CustomerHistory.AccountValue

    private func customer(
        _ id: String, since: Int? = nil, _ stages: [(String, Int)] = [("mature", -100)], arr: [(Int, Double)] = [],
        seats: [(Int, Int)] = []
    ) -> CustomerHistory {
        let values = arr.map { Value(at: Self.day($0.0), arr: $0.1, seats: nil) } + seats.map { Value(at: Self.day($0.0), arr: nil, seats: $0.1) }
        return CustomerHistory(
            id: id, since: since.map { Self.day($0) }, stages: stages.map { Stage($0.0, at: Self.day($0.1)) }, values: values)
    }

    private func figures(_ customers: [CustomerHistory], nps: [NPSAnswer] = [], tasks: [TaskOutcome] = [], now: Instant = day(40))
        -> KPIFigures
    {
        KPICalculator(history: KPIHistory(customers: customers, npsAnswers: nps, tasks: tasks)).figures(from: Self.start, to: Self.end, now: now)
    }

    @Test func retentionOfAHundredWithTwentyWonAndOneHundredTenAtTheEndIsNinety() {
        let kept = (0..<90).map { customer("kept-\($0)") }
        let lost = (0..<10).map { customer("lost-\($0)", [("mature", -100), ("churned", 5 + $0)]) }
        let won = (0..<20).map { customer("won-\($0)", since: 3 + $0, [("onboarding", 3 + $0)]) }
        let result = figures(kept + lost + won)
        #expect(result.customers == KPIFigures.Customers(atStart: 100, atEnd: 110, won: 20, lost: 10))
        #expect(result.retention.percent == 90)
        #expect(result.customerChurn.percent == 10)
    }

    @Test func aCustomerBeginningAtTheStartIsWonNotCountedAtTheStart() {
        let result = figures([customer("a", since: 0, [("onboarding", 0)]), customer("b", [("onboarding", 30)])])
        #expect(result.customers == KPIFigures.Customers(atStart: 0, atEnd: 1, won: 1, lost: 0))
        #expect(result.retention.percent == nil)
        #expect(result.customerChurn.percent == nil)
    }

    @Test func aCustomerWhoComesBackIsWonAgain() {
        let back = customer("back", [("mature", -100), ("churned", -10), ("adoption", 12)])
        let gone = customer("gone", since: -50, [("adoption", -40), ("churned", 12), ("onboarding", 20), ("churned", 25)])
        let result = figures([back, gone])
        #expect(result.customers == KPIFigures.Customers(atStart: 1, atEnd: 1, won: 2, lost: 1))
    }

    @Test func aCustomerKnownOnlyAsChurnedWasNeverWonNorLost() {
        let result = figures([customer("gone", [("churned", 10)]), customer("since", since: 10, [("churned", 10)])])
        #expect(result.customers == KPIFigures.Customers(atStart: 0, atEnd: 0, won: 0, lost: 0))
    }

    @Test func revenueChurnWeighsTheARRAtTheStartAndAtTheLoss() {
        let customers = [
            customer("a", arr: [(-100, 100)]),
            customer("b", arr: [(-100, 200)]),
            // Grew from 300 to 500 in the period: 300 counts at the start.
            customer("c", arr: [(-100, 300), (10, 500)]),
            // Its ARR rose to 400 before it churned: the loss is 400.
            customer("d", [("mature", -100), ("churned", 20)], arr: [(-100, 250), (5, 400)]),
            // Lost before the period: neither at the start nor lost in it.
            customer("e", [("mature", -100), ("churned", -1)], arr: [(-100, 9_000)]),
        ]
        let result = figures(customers)
        #expect(result.revenueChurn == KPIFigures.Rate(400, of: 850))
        #expect(result.customerChurn == KPIFigures.Rate(1, of: 4))
    }

    @Test func aCustomerWithoutHistoryBeforeTheStartUsesItsFirstRecordedValue() {
        // Imported after the period with an ARR of 1,000: that is its value at the start too.
        let result = figures([customer("late", arr: [(50, 1_000)]), customer("gone", [("mature", -100), ("churned", 9)], arr: [(50, 3_000)])])
        #expect(result.revenueChurn == KPIFigures.Rate(3_000, of: 4_000))
    }

    @Test func onboardingCompletionCountsThoseWhoMovedOn() {
        let customers = [
            customer("done", [("onboarding", -10), ("adoption", 10)]),
            customer("skipped-ahead", [("onboarding", -5), ("mature", 29)]),
            customer("started", since: 4, [("onboarding", 4)]),
            customer("gave-up", [("onboarding", -20), ("churned", 3)]),
            customer("before", [("onboarding", -40), ("adoption", -1)]),
            customer("after", [("onboarding", 30)]),
            customer("settled", [("adoption", -100)]),
        ]
        #expect(figures(customers).onboardingCompletion == KPIFigures.Rate(2, of: 4))
    }

    @Test func expansionIsARRorSeatsGrowingOverTheRecordedValue() {
        let customers = [
            customer("arr-up", arr: [(-100, 1_000), (10, 1_200)]),
            customer("seats-up", seats: [(-100, 10), (3, 12)]),
            customer("arr-down", arr: [(-100, 1_000), (10, 800)]),
            customer("grew-before", arr: [(-100, 1_000), (-5, 2_000)]),
            customer("new", since: 8, [("onboarding", 8)], arr: [(8, 500)]),
        ]
        #expect(figures(customers).expansion == KPIFigures.Rate(2, of: 5))
    }

    @Test func npsTakesEachCustomersLatestAnswerInThePeriod() {
        let answers = [
            NPSAnswer(customer: "a", score: 10, at: Self.day(1)),
            NPSAnswer(customer: "b", score: 9, at: Self.day(2)),
            NPSAnswer(customer: "b", score: 5, at: Self.day(12)),
            NPSAnswer(customer: "c", score: 7, at: Self.day(3)),
            NPSAnswer(customer: "d", score: 3, at: Self.day(4)),
            NPSAnswer(customer: "d", score: 0, at: Self.day(-4)),
            NPSAnswer(customer: "e", score: 0, at: Self.day(30)),
        ]
        let nps = figures([], nps: answers).nps
        #expect(nps == KPIFigures.NPS(respondents: 4, promoters: 1, detractors: 2, score: -25))
        #expect(figures([]).nps.score == nil)
    }

    @Test func onTimeAndOverdueFollowTheTasksDues() {
        func task(_ owner: String, due: Int, created: Int = -30, _ end: TaskOutcome.End, closed: Int? = nil) -> TaskOutcome {
            TaskOutcome(owner: owner, due: Self.day(due, hour: 17), createdAt: Self.day(created), end: end, closedAt: closed.map { Self.day($0, hour: 9) })
        }
        let tasks = [
            task("aiko", due: 2, .done, closed: 2),  // on time
            task("aiko", due: 4, .done, closed: 6),  // late
            task("aiko", due: 8, .pending),  // overdue at the end
            task("ben", due: 10, .skipped, closed: 11),  // not counted
            task("ben", due: 12, .cancelled, closed: 40),  // cancelled after the end: overdue at the end
            task("ben", due: 29, .done, closed: 31),  // late, done after the end: overdue at the end
            task("ben", due: 31, .pending),  // due after the period
            task("carla", due: -3, .done, closed: 1),  // due before the period, overdue until day 1
            task("carla", due: 20, created: 35, .pending),  // caught up after the end
        ]
        let result = figures([], tasks: tasks)
        #expect(result.onTime == KPIFigures.Rate(1, of: 5))
        #expect(result.overdueByOwner == ["aiko": 1, "ben": 2])
    }

    @Test func theCurrentPeriodCountsTasksUntilNow() {
        let tasks = [
            TaskOutcome(owner: "aiko", due: Self.day(2), createdAt: Self.day(0), end: .done, closedAt: Self.day(1)),
            TaskOutcome(owner: "aiko", due: Self.day(5), createdAt: Self.day(0), end: .pending, closedAt: nil),
            TaskOutcome(owner: "aiko", due: Self.day(20), createdAt: Self.day(0), end: .pending, closedAt: nil),
        ]
        let result = figures([], tasks: tasks, now: Self.day(10))
        #expect(result.onTime == KPIFigures.Rate(1, of: 2))
        #expect(result.overdueByOwner == ["aiko": 1])
    }

    @Test func theReportPutsThePreviousPeriodBeside() throws {
        let customers = [customer("a", [("mature", -100), ("churned", 5)]), customer("b", since: -20, [("onboarding", -20)])]
        let calculator = KPICalculator(history: KPIHistory(customers: customers, npsAnswers: [], tasks: []))
        let report = calculator.report(for: try KPIPeriod(parsing: "2026-07"), zone: .utc, now: Self.day(40))
        #expect(report.current.period.description == "2026-07")
        #expect(report.previous.period.description == "2026-06")
        #expect(report.current.figures.customers == KPIFigures.Customers(atStart: 2, atEnd: 1, won: 0, lost: 1))
        #expect(report.previous.figures.customers == KPIFigures.Customers(atStart: 1, atEnd: 2, won: 1, lost: 0))
    }
}
