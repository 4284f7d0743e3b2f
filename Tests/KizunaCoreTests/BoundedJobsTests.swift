import Foundation
import KizunaCore
import Synchronization
import Testing

@Suite(.timeLimit(.minutes(5)))
struct BoundedJobsTests {
    /// Jobs that note how many of them run at once, each dawdling a little.
    final class Tally: Sendable {
        let running = Mutex(0)
        let most = Mutex(0)

        func perform(_ job: Int) -> Int {
            let now = running.withLock { $0 += 1; return $0 }
            most.withLock { $0 = max($0, now) }
            usleep(2_000)
            running.withLock { $0 -= 1 }
            return job * 2
        }
    }

    @Test func everyJobRunsAtMostLimitAtOnceAndEachOutcomeIsHandedBackOnce() {
        let tally = Tally()
        var pending = Array(0..<40)
        var outcomes: [Int: Int] = [:]
        BoundedJobs(limit: 3) { tally.perform($0) }.run(next: { pending.popLast() }) { finished in
            for (job, outcome) in finished { outcomes[job] = outcome }
        }
        #expect(outcomes == Dictionary(uniqueKeysWithValues: (0..<40).map { ($0, $0 * 2) }))
        #expect(tally.most.withLock { $0 } <= 3)
        #expect(tally.running.withLock { $0 } == 0)
    }

    struct Refused: Error {}

    @Test func aThrowingHandlerStartsNoMoreJobsAndWaitsForThoseRunning() {
        let tally = Tally()
        var started = 0
        #expect(throws: Refused.self) {
            try BoundedJobs(limit: 4) { tally.perform($0) }.run(next: {
                started += 1
                return started
            }) { (_) throws(Refused) in throw Refused() }
        }
        // The first four, then nothing more once the first outcome was refused.
        #expect(started == 4)
        #expect(tally.running.withLock { $0 } == 0)
    }
}
