import KizunaCore
import KizunaDaemonState

/// The next time-based lifecycle transition ("after 90 days in onboarding"): the source that
/// plans when a customer's stage is due to move, so its new stage's plays start on time.
/// `next` is the earliest transition ahead as the last pass found it, so arming the timer
/// reads no customers.
struct StageTransitionWakeSource: WakeSource {
    var next: @Sendable () -> Instant?
    var replan: @Sendable (_ now: Instant) -> Void

    func nextWake(after instant: Instant) -> Wake? {
        guard let transition = next(), transition > instant else { return nil }
        return Wake(instant: transition, purpose: "a lifecycle transition is due")
    }

    func fire(at now: Instant) { replan(now) }
}
