import KizunaCore
import KizunaDaemonState

/// Midnight in the team's zone, when the planning window moves to the next day: the source
/// that re-plans on the calendar.
struct MidnightWakeSource: WakeSource {
    var zone: Zone
    var replan: @Sendable (_ now: Instant) -> Void

    func nextWake(after instant: Instant) -> Wake? {
        let tomorrow = zone.localDateTime(at: instant).date.adding(days: 1)
        return Wake(
            instant: zone.instant(for: LocalDateTime(date: tomorrow)),
            purpose: "midnight in \(zone.identifier): the planning window moves to \(tomorrow)")
    }

    func fire(at now: Instant) { replan(now) }
}
