import Foundation
import Testing

/// `kizuna kpi` on a store built the way a team builds it: imports over time, stage changes, NPS answers.
@Suite(.timeLimit(.minutes(5))) struct KPICommandTests {
    let sandbox: Sandbox

    /// October 2026 in New York: acme grows, cyberdyne finishes onboarding, dyad joins, duff churns.
    init() throws {
        sandbox = try Sandbox(planned: false)
        let september = """
            {"id": "acme", "name": "Acme", "csm": "alice", "stage": "mature", "stage_entered": "2025-06-01", "customer_since": "2025-01-01", "arr": 1000, "seats": 10}
            {"id": "bluth", "name": "Bluth", "csm": "bob", "stage": "adoption", "stage_entered": "2025-06-01", "customer_since": "2025-01-01", "arr": 3000}
            {"id": "cyberdyne", "name": "Cyberdyne", "csm": "alice", "stage": "onboarding", "stage_entered": "2026-09-01", "customer_since": "2026-09-01", "arr": 500}
            {"id": "duff", "name": "Duff", "csm": "bob", "stage": "mature", "stage_entered": "2025-01-01", "customer_since": "2024-01-01", "arr": 6000}
            """
        let october = september.replacingOccurrences(of: "\"arr\": 1000", with: "\"arr\": 1500")
            .replacingOccurrences(of: "\"onboarding\", \"stage_entered\": \"2026-09-01\"", with: "\"adoption\", \"stage_entered\": \"2026-10-10\"")
            + """

            {"id": "dyad", "name": "Dyad", "csm": "bob", "stage": "onboarding", "stage_entered": "2026-10-05", "customer_since": "2026-10-05", "arr": 800}
            """
        let signals = """
            customer,metric,value,date
            acme,nps,10,2026-10-03
            bluth,nps,4,2026-10-04
            cyberdyne,nps,9,2026-10-05
            dyad,nps,8,2026-11-02
            """
        let steps: [(String, [String])] = [
            ("2026-09-15T12:00:00-04:00", ["import", "customers", try sandbox.write(september, to: "september.jsonl")]),
            ("2026-10-10T12:00:00-04:00", ["customer", "set-stage", "cyberdyne", "adoption", "--at", "2026-10-10"]),
            ("2026-10-15T12:00:00-04:00", ["import", "customers", try sandbox.write(october, to: "october.jsonl")]),
            ("2026-10-20T12:00:00-04:00", ["customer", "set-stage", "duff", "churned", "--at", "2026-10-20"]),
            ("2026-11-03T12:00:00-05:00", ["import", "signals", try sandbox.write(signals, to: "signals.csv")]),
        ]
        for (now, arguments) in steps {
            let result = try sandbox.run(arguments, environment: ["KIZUNA_NOW": now])
            guard result.status == 0 else { throw SandboxError(arguments: arguments, result: result) }
        }
    }

    private func kpi(_ arguments: [String], now: String = "2026-11-23T09:00:00-05:00") throws -> KizunaBinary.Result {
        try sandbox.run(["kpi"] + arguments, environment: ["KIZUNA_NOW": now])
    }

    @Test func aMonthBesideThePreviousOneAsJSON() throws {
        let result = try kpi(["--period", "2026-10", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try JSONDecoder().decode(KPIJSON.self, from: Data(result.stdout.utf8))
        #expect(report.timezone == "America/New_York")
        let october = report.current
        #expect(october.period == "2026-10" && october.first == "2026-10-01" && october.last == "2026-10-31")
        #expect(october.figures.customers == .init(atStart: 4, atEnd: 4, won: 1, lost: 1))
        #expect(october.figures.customerChurn.percent == 25)
        #expect(october.figures.retention.percent == 75)
        #expect(october.figures.revenueChurn.numerator == 6_000 && october.figures.revenueChurn.denominator == 10_500)
        #expect(october.figures.onboardingCompletion.percent == 50)
        #expect(october.figures.expansion.numerator == 1 && october.figures.expansion.denominator == 5)
        #expect(october.figures.nps.respondents == 3)
        #expect(abs((october.figures.nps.score ?? 0) - 100.0 / 3) < 1e-9)
        #expect(october.figures.onTime.percent == nil)
        // September: cyberdyne began at its first midnight, so it is won in September.
        #expect(report.previous.period == "2026-09")
        #expect(report.previous.figures.customers == .init(atStart: 3, atEnd: 4, won: 1, lost: 0))
    }

    @Test func theDefaultIsTheCurrentQuarterAsATable() throws {
        let result = try kpi([])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("KPIs, 2026-Q4 (2026-10-01 to 2026-12-31, America/New_York)\n"))
        #expect(result.stdout.contains("Customer churn          25.0 % (1/4)"))
        #expect(result.stdout.contains("Retention               75.0 % (3/4)"))
        #expect(result.stdout.contains("NPS                     +25 (4 answers)"))
        #expect(result.stdout.contains("2026-Q3"))
    }

    @Test func aWeekThatTheYearLacksIsAClearError() throws {
        let missing = try kpi(["--period", "2025-W53"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("`2025-W53`: 2025 has 52 ISO weeks, there is no week 53"))
        let week = try kpi(["--period", "2026-W53", "--json"])
        #expect(week.status == 0, "\(week.stderr)")
        let report = try JSONDecoder().decode(KPIJSON.self, from: Data(week.stdout.utf8))
        #expect(report.current.first == "2026-12-28" && report.current.last == "2027-01-03")
        #expect(report.previous.period == "2026-W52")
        let malformed = try kpi(["--period", "Q3"])
        #expect(malformed.status == 1 && malformed.stderr.contains("is not a period"))
    }
}

private struct KPIJSON: Decodable {
    struct Entry: Decodable {
        let period: String
        let first: String
        let last: String
        let figures: Figures
    }

    struct Figures: Decodable {
        let customers: Customers
        let customerChurn: Rate
        let revenueChurn: Rate
        let retention: Rate
        let onboardingCompletion: Rate
        let expansion: Rate
        let nps: NPS
        let onTime: Rate
        let overdueByOwner: [String: Int]
    }

    struct Customers: Decodable, Equatable {
        let atStart: Int
        let atEnd: Int
        let won: Int
        let lost: Int
    }

    struct Rate: Decodable {
        let numerator: Double
        let denominator: Double
        let percent: Double?
    }

    struct NPS: Decodable {
        let respondents: Int
        let score: Double?
    }

    let timezone: String
    let current: Entry
    let previous: Entry
}
