import KizunaCore
import KizunaDaemonState
import KizunaStore
import Logging

/// The next time-based lifecycle transition ("after 90 days in onboarding"): the source that
/// plans when a customer's stage is due to move, so its new stage's plays start on time.
struct StageTransitionWakeSource: WakeSource {
    var evaluation: CustomerEvaluation
    var store: Store
    var logger: Logger
    var replan: @Sendable (_ now: Instant) -> Void

    func nextWake(after instant: Instant) -> Wake? {
        do {
            return try evaluation.nextTransition(on: store, after: instant).map {
                Wake(instant: $0, purpose: "a lifecycle transition is due")
            }
        } catch {
            logger.error("cannot read the customers' next stage transitions: \(error.message)")
            return nil
        }
    }

    func fire(at now: Instant) { replan(now) }
}
