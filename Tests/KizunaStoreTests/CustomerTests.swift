import KizunaCore
import KizunaStore
import Testing

@Suite("Customers and signals")
struct CustomerTests {
    @Test("an upsert stores every field and reads it back")
    func roundTrip() throws {
        let customer = Customer(
            id: "acme", name: "Acme, Inc.", csm: "aiko", teamLead: "ren", stage: "adoption", stageEntered: Sample.monday,
            customerSince: Sample.at(day: -400), renewalDate: CivilDate(year: 2027, month: 3, day: 31),
            zone: Zone.named("America/New_York"), tier: "enterprise", plan: "pro", industry: "retail", arr: 120_000,
            seats: 250, health: 72.5, fields: ["region": "east", "crm_owner": "Aiko \"A\" T.\n\t☃\u{1}"])
        try withStore { store in
            let result = try store.upsert(customers: [customer], at: Sample.monday)
            #expect(result.inserted == 1)
            #expect(try store.customer(id: "acme") == customer)
            #expect(try store.customers() == [customer])
            #expect(try store.customer(id: "nobody") == nil)
        }
    }

    @Test("new customers and stage changes get a history row; unchanged rows are left alone")
    func stageHistory() throws {
        try withStore { store in
            try store.upsert(customers: [Sample.customer("acme"), Sample.customer("beta")], at: Sample.monday)
            let again = try store.upsert(customers: [Sample.customer("acme"), Sample.customer("beta")], at: Sample.at(day: 1))
            #expect(again == CustomerImportResult(unchanged: 2))

            var acme = Sample.customer("acme", stage: "adoption", entered: Sample.at(day: 2))
            acme.name = "Acme Corp"
            var beta = Sample.customer("beta")
            beta.arr = 10_000
            let changed = try store.upsert(customers: [acme, beta], at: Sample.at(day: 3))
            #expect(changed == CustomerImportResult(updated: 2, stageChanges: 1))

            let stages = try store.timeline(customer: "acme").map(\.kind)
            #expect(
                stages == [
                    .stageChanged(stage: "onboarding", cause: "import"), .stageChanged(stage: "adoption", cause: "import"),
                ])
            #expect(try store.timeline(customer: "beta").count == 1)
        }
    }

    @Test("setStage moves the customer, dates the stage and records the cause")
    func setStage() throws {
        try withStore { store in
            try store.upsert(customers: [Sample.customer("acme")], at: Sample.monday)
            let moved = try store.setStage(customerID: "acme", stage: "mature", at: Sample.at(day: 30), cause: "adoption complete")
            #expect(moved.stage == "mature")
            #expect(moved.stageEntered == Sample.at(day: 30))
            #expect(try store.customer(id: "acme") == moved)
            let same = try store.setStage(customerID: "acme", stage: "mature", at: Sample.at(day: 31), cause: "again")
            #expect(same.stageEntered == Sample.at(day: 30))
            let timeline = try store.timeline(customer: "acme")
            #expect(timeline.last == TimelineEntry(at: Sample.at(day: 30), kind: .stageChanged(stage: "mature", cause: "adoption complete")))
            #expect(timeline.count == 2)

            let error = #expect(throws: StoreError.self) {
                try store.setStage(customerID: "ghost", stage: "mature", at: Sample.monday, cause: "x")
            }
            #expect(error?.code == .notFound)
        }
    }

    @Test("signals are stored once per customer, metric and instant")
    func signals() throws {
        try withStore { store in
            try store.upsert(customers: [Sample.customer("acme")], at: Sample.monday)
            let signals = [
                Signal(customer: "acme", metric: "logins", value: 12, instant: Sample.monday),
                Signal(customer: "acme", metric: "logins", value: 9, instant: Sample.at(day: 1)),
            ]
            try store.insert(signals: signals)
            try store.insert(signals: signals)
            #expect(try store.counts().signals == 2)
        }
    }

    @Test("a signal for an unknown customer names its row, and none of the batch is stored")
    func signalForUnknownCustomer() throws {
        try withStore { store in
            try store.upsert(customers: [Sample.customer("acme")], at: Sample.monday)
            let error = #expect(throws: StoreError.self) {
                try store.insert(signals: [
                    Signal(customer: "acme", metric: "nps", value: 9, instant: Sample.monday),
                    Signal(customer: "ghost", metric: "nps", value: 3, instant: Sample.monday),
                ])
            }
            #expect(error?.code == .notFound)
            #expect(error?.message.hasPrefix("signal 2 (nps) names customer `ghost`") == true)
            #expect(try store.counts().signals == 0)
        }
    }
}
