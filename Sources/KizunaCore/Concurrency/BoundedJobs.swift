import Dispatch

/// Runs jobs at most `limit` at once, each on a queue of its own, while the caller's thread
/// hands them out and takes their outcomes as they finish: for work that mostly waits (a
/// program, an HTTP request) and whose outcomes must be handled on one thread as soon as they
/// are known, such as messages sent and recorded as sent.
///
/// Not on a global queue: on Linux, work on one starts libdispatch's worker monitor, a timer
/// that then wakes the process every second for as long as it runs, idle daemon included.
package struct BoundedJobs<Job: Sendable, Outcome: Sendable> {
    private let limit: Int
    private let perform: @Sendable (Job) -> Outcome

    /// Jobs that `perform` does, at most `limit` at once.
    package init(limit: Int, perform: @escaping @Sendable (Job) -> Outcome) {
        self.limit = Swift.max(1, limit)
        self.perform = perform
    }

    /// Starts the jobs `next()` returns while fewer than `limit` run, and hands the outcomes
    /// of the jobs that finished, those that finished together at once, to `finished`; then
    /// asks `next()` again, until it returns `nil` and no job runs. Both are called on the
    /// caller's thread, one at a time. Once `finished` throws, no job starts any more: those
    /// running are waited for, their outcomes dropped, and the error is rethrown.
    package func run<Failure: Error>(
        next: () -> Job?, finished: ([(job: Job, outcome: Outcome)]) throws(Failure) -> Void
    ) throws(Failure) {
        // Never finished nor abandoned: the jobs running are counted instead.
        let done = ChunkChannel<(job: Job, outcome: Outcome)>()
        var running = 0
        var failure: Failure?
        while true {
            while failure == nil, running < limit, let job = next() {
                running += 1
                DispatchQueue(label: "kizuna.bounded-jobs").async { [perform] in done.send((job, perform(job))) }
            }
            guard running > 0 else { break }
            let batch = (try? done.nextAll()) ?? []
            running -= batch.count
            guard failure == nil else { continue }
            do {
                try finished(batch)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
    }
}
