import GRDB
import KizunaCore
@testable import KizunaStore
import Testing

@Suite("KPI history")
struct KPIHistoryTests {
    @Test("imports record ARR and seats when they change, and stage changes land in the history")
    func accountAndStageHistory() throws {
        try withStore { store in
            var acme = Sample.customer("acme", stage: "mature", entered: Sample.at(day: -100))
            acme.arr = 1_000
            acme.seats = 10
            try store.upsert(customers: [acme, Sample.customer("bare")], at: Sample.monday)
            try store.upsert(customers: [acme], at: Sample.at(day: 1))  // unchanged: nothing recorded
            acme.arr = 1_500
            acme.name = "Acme"
            try store.upsert(customers: [acme], at: Sample.at(day: 2))
            acme.name = "Acme Corp"
            try store.upsert(customers: [acme], at: Sample.at(day: 3))  // only the name: nothing recorded
            try store.setStage(customerID: "acme", stage: "churned", at: Sample.at(day: 5), cause: "test")

            let history = try store.kpiHistory(from: Sample.monday, to: Sample.at(day: 28))
            let recorded = try #require(history.customers.first { $0.id == "acme" })
            #expect(
                recorded.values == [
                    .init(at: Sample.monday, arr: 1_000, seats: 10), .init(at: Sample.at(day: 2), arr: 1_500, seats: 10),
                ])
            #expect(recorded.stages == [.init("mature", at: Sample.at(day: -100)), .init("churned", at: Sample.at(day: 5))])
            #expect(history.customers.first { $0.id == "bare" }?.values == [])
        }
    }

    @Test("NPS answers of the window and the tasks the on-time figures need are read")
    func answersAndTasks() throws {
        try withStore { store in
            try store.upsert(customers: [Sample.customer("acme")], at: Sample.monday)
            try store.insert(signals: [
                Signal(customer: "acme", metric: "nps", value: 9, instant: Sample.at(day: 1)),
                Signal(customer: "acme", metric: "logins", value: 9, instant: Sample.at(day: 1)),
                Signal(customer: "acme", metric: "nps", value: 3, instant: Sample.at(day: 30)),
            ])
            let plan = [Sample.task("acme", day: 1), Sample.task("acme", day: 8), Sample.task("acme", day: 40)]
            try store.materialize(plan)
            try store.complete(plan[0].id, note: nil, at: Sample.at(day: 1, hour: 12), actor: "aiko")
            try store.assign(plan[1].id, to: "ren", note: nil, at: Sample.at(day: 2), actor: "lead")

            let history = try store.kpiHistory(from: Sample.monday, to: Sample.at(day: 28))
            #expect(history.npsAnswers == [NPSAnswer(customer: "acme", score: 9, at: Sample.at(day: 1))])
            #expect(
                history.tasks.sorted { $0.due < $1.due } == [
                    TaskOutcome(
                        owner: "aiko", due: Sample.at(day: 2, hour: 10), createdAt: Sample.monday, end: .done,
                        closedAt: Sample.at(day: 1, hour: 12)),
                    TaskOutcome(owner: "ren", due: Sample.at(day: 9, hour: 10), createdAt: Sample.monday, end: .pending, closedAt: nil),
                ])
        }
    }

    @Test("a store made before the account history starts it with each customer's values as it became a customer")
    func migrationSeedsTheAccountHistory() throws {
        try withOlderStore(migratedUpTo: "v1") { db in
            try db.execute(
                sql: """
                    INSERT INTO customers (id, name, csm, stage, stage_entered, customer_since, arr, seats)
                        VALUES ('acme', 'Acme', 'aiko', 'mature', 2000, 1000, 5000, 12),
                               ('bare', 'Bare', 'aiko', 'adoption', 3000, NULL, NULL, NULL);
                    INSERT INTO stage_history (customer, stage, entered_at, cause, recorded_at)
                        VALUES ('bare', 'onboarding', 2500, 'import', 2500), ('bare', 'adoption', 3000, 'import', 3000);
                    """)
        } _: { path in
            let history = try Store(path: path).kpiHistory(from: Sample.monday, to: Sample.at(day: 1))
            let values = Dictionary(uniqueKeysWithValues: history.customers.map { ($0.id, $0.values) })
            #expect(values["acme"] == [.init(at: Instant(secondsSinceEpoch: 1000), arr: 5000, seats: 12)])
            #expect(values["bare"] == [.init(at: Instant(secondsSinceEpoch: 2500), arr: nil, seats: nil)])
        }
    }
}
