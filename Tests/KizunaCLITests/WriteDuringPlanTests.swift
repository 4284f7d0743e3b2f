import Foundation
import Testing

/// A write of another process while a long planning pass commits batch after batch.
@Suite(.timeLimit(.minutes(5))) struct WriteDuringPlanTests {
    /// A week after the first pass: the pass creates the new week's tasks batch by batch.
    static let nextWeek = "2026-12-01T09:30:00-05:00"

    @Test func doneDuringALongPlanWaitsForOneBatchNotTheWholePass() throws {
        let sandbox = try Sandbox.generated(customers: 1_500, imported: true)
        let first = try sandbox.run(["plan"])
        try #require(first.status == 0, "\(first.stderr)")
        let task = try #require(try StoreFile.openTaskID(sandbox.storePath))
        let planned = try StoreFile.taskCount(sandbox.storePath)

        // Ten customers a transaction: some 150 transactions, one after the other.
        let plan = try sandbox.start(["plan"], environment: ["KIZUNA_NOW": Self.nextWeek, "KIZUNA_PLAN_BATCH_SIZE": "10"])
        defer {
            if plan.isRunning { kill(plan.processIdentifier, SIGKILL) }
            plan.waitUntilExit()
        }
        // Waits (in steps of 2 ms, a minute at most) until the pass has committed its first batch.
        let deadline = Date().addingTimeInterval(60)
        while try StoreFile.taskCount(sandbox.storePath) == planned, plan.isRunning, Date() < deadline { usleep(2_000) }
        try #require(plan.isRunning, "the pass ended before it was seen writing")

        let started = Date()
        let done = try sandbox.run(["done", task], environment: ["KIZUNA_NOW": Self.nextWeek, "KIZUNA_BUSY_TIMEOUT": "1"])
        let waited = Date().timeIntervalSince(started)
        let stillPlanning = plan.isRunning
        plan.waitUntilExit()
        #expect(done.status == 0, "\(done.stderr)")
        #expect(stillPlanning, "the pass ended before `done` did, after \(waited) s: it proves nothing")
        #expect(plan.terminationStatus == 0)
    }
}
