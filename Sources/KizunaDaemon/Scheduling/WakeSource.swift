import KizunaCore
import KizunaDaemonState

/// One kind of thing the daemon owes: planning, reminders, stage transitions. The scheduler
/// sleeps until the earliest wake of all its sources, then fires every source that is due.
public protocol WakeSource: Sendable {
    /// The source's next wake strictly after `instant`, `nil` when it owes nothing.
    func nextWake(after instant: Instant) -> Wake?
    /// Does what is owed at `now`; runs on the scheduler's queue.
    func fire(at now: Instant)
}
