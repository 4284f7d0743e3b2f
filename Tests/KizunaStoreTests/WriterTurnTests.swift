import Dispatch
import Foundation
import GRDB
import Synchronization
import Testing

@testable import KizunaStore

/// A write of another connection while one commits transaction after transaction, as a
/// planning pass does.
@Suite(.timeLimit(.minutes(5))) struct WriterTurnTests {
    /// Transactions in the series, each holding the store `holding` long.
    static let transactions = 40
    static let holding: useconds_t = 25_000

    @Test func aWaitingWriteGetsInBetweenTwoTransactionsOfASeries() throws {
        try withTemporaryFolder { folder in
            let series = try Store(stateDirectory: folder)
            // Half the series' length: a write waiting for the whole series fails.
            let waiting = try Store(stateDirectory: folder, options: Store.Options(busyTimeout: .milliseconds(500)))
            let committed = Atomic(0)
            let finished = DispatchSemaphore(value: 0)
            Thread.detachNewThread {
                defer { finished.signal() }
                for _ in 0..<Self.transactions {
                    do {
                        _ = try series.write { _ in usleep(Self.holding) }
                    } catch {
                        Issue.record(error)
                    }
                    committed.add(1, ordering: .sequentiallyConsistent)
                    series.leaveTurnToWaitingWriters()
                }
            }
            while committed.load(ordering: .sequentiallyConsistent) == 0 { usleep(1_000) }

            // Throws after its 500 ms busy timeout unless it gets in between two transactions.
            try waiting.write { db in try db.execute(sql: "PRAGMA user_version = 7") }
            let during = committed.load(ordering: .sequentiallyConsistent)
            finished.wait()
            // In before the series ends, not after it.
            #expect(during < Self.transactions)
        }
    }
}
