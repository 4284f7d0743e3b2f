import KizunaCore
import KizunaStore
import Testing

/// A pass reads what it compares a batch with before the batch's transaction; a write of
/// anything but the pass in between makes the transaction read it again.
@Suite("Reads of a pass ahead of its writes", .timeLimit(.minutes(5))) struct ReadAheadTests {
    static let zone = Zone.named("America/New_York")!
    static let now = Instant(iso8601: "2026-11-24T09:30:00-05:00", defaultZone: .utc)!
    static let window = PlanningWindow(now: now, zone: zone, horizon: CalendarSpan(14, .day), calendar: .standard)
    static let customers = (0..<4).map { index in
        Customer(id: "c\(index)", name: "Customer \(index)", csm: "aiko", stage: "adoption", stageEntered: now.adding(seconds: -86_400 * 40))
    }

    /// A pass of one customer per transaction, with the daily task titled `title`.
    static func pass(title: String) throws -> PlanningRun {
        let playbook = try Sample.dailyPlaybook(title: title)
        return PlanningRun(playbooks: [playbook], zone: zone, calendar: .standard, window: window, batchSize: 1)
    }

    @Test("a task closed between a batch's reads and its transaction stays closed", arguments: [true, false])
    func closedInBetween(byAnotherProcess: Bool) throws {
        try withTemporaryFolder { folder in
            let store = try Store(stateDirectory: folder, options: Store.Options(bulkWrites: true))
            try store.upsert(customers: Self.customers, at: Self.now.adding(seconds: -86_400 * 40))
            let first = try Self.pass(title: "Check in").run(on: store, now: Self.now)
            let closed = try #require(try store.pendingTaskIDs(customers: ["c1"], startingFrom: Self.window.from, to: Self.window.to).min())

            var failure: (any Error)?
            // After the first customer is written the pass has read what the second's transaction
            // compares with: the task is closed in between, by another connection or by this one.
            let second = try Self.pass(title: "Call").run(on: store, now: Self.now) { done, _ in
                guard done == 1 else { return }
                do {
                    let writer = byAnotherProcess ? try Store(stateDirectory: folder) : store
                    _ = try writer.complete(closed, note: nil, at: Self.now, actor: "aiko")
                } catch {
                    failure = error
                }
            }
            if let failure { throw failure }

            let task = try #require(try store.task(id: closed))
            #expect(task.state == .done)
            #expect(task.title == "Check in")
            #expect(second.updated == first.created - 1)
            #expect(second.unchanged == 1)
        }
    }
}
