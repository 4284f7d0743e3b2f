import Dispatch
import KizunaCore
import KizunaDaemonState
import Synchronization

/// Sleeps until the earliest wake of its sources on one one-shot `DispatchSourceTimer`
/// against the wall clock (`schedule(wallDeadline:)`), fires the sources that are due and
/// arms the timer again for the next one. It never repeats on a period: a calendar instant
/// is recomputed after every fire, and `rearm()` is called whenever what is owed may have
/// changed (a plan, a reload, a clock change).
final class WakeScheduler: Sendable {
    private let clock: DaemonClock
    // Dispatch sources are thread-safe, but the Linux overlay does not mark them Sendable.
    nonisolated(unsafe) private let timer: any DispatchSourceTimer
    private let state = Mutex(State())
    /// Told each time the timer is armed, with the wake it waits for.
    private let onArm: @Sendable (Wake?) -> Void

    private struct State {
        var sources: [any WakeSource] = []
        /// Each source's wake at the time the timer was armed.
        var armed: [Wake?] = []
    }

    /// A scheduler whose timer fires on `queue`, the queue every source then runs on.
    init(queue: DispatchQueue, clock: DaemonClock, onArm: @escaping @Sendable (Wake?) -> Void) {
        self.clock = clock
        self.onArm = onArm
        timer = DispatchSource.makeTimerSource(queue: queue)
        timer.setEventHandler { [weak self] in self?.fire() }
        timer.resume()
    }

    /// Replaces the sources (after a reload) and arms the timer for them.
    func setSources(_ sources: [any WakeSource]) {
        state.withLock { $0.sources = sources }
        rearm()
    }

    /// Arms the timer for the earliest wake after the clock's current instant.
    func rearm() {
        let now = clock.now()
        let next = state.withLock { state in
            state.armed = state.sources.map { $0.nextWake(after: now) }
            return Self.earliest(state.armed)
        }
        if let next {
            timer.schedule(wallDeadline: clock.wallDeadline(at: next.instant), leeway: .milliseconds(10))
        } else {
            timer.schedule(wallDeadline: .distantFuture)
        }
        onArm(next)
    }

    /// Fires every source whose armed wake has come, then arms the timer again.
    private func fire() {
        let (sources, armed) = state.withLock { ($0.sources, $0.armed) }
        guard let next = Self.earliest(armed) else { return }
        // A wall timer may fire a little before the virtual clock ticks over to the instant.
        let now = max(clock.now(), next.instant)
        for (source, wake) in zip(sources, armed) where wake.map({ $0.instant <= now }) ?? false {
            source.fire(at: now)
        }
        rearm()
    }

    func cancel() { timer.cancel() }

    static func earliest(_ wakes: [Wake?]) -> Wake? {
        wakes.compactMap(\.self).min { $0.instant < $1.instant }
    }
}
