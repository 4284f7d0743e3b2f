import KizunaCore
import KizunaDaemonState
import KizunaDelivery
import KizunaStore
import Logging
import Synchronization

extension Daemon {
    /// Sends what the store owes at `now` (reminders, retries, digests; after downtime the
    /// missed ones, marked late) and logs what could not be sent. Runs on the queue.
    func deliverOwed(now: Instant) {
        do {
            let report = try dispatcher.deliverDue(now: now) { self.stopping.load(ordering: .relaxed) }
            guard !report.attempts.isEmpty else { return }
            logger.info("delivered \(report.delivered) messages, \(report.failed) failed attempts")
        } catch {
            logger.error("cannot deliver reminders: \(error.message)")
        }
    }

    /// Rewrites each owner's calendar file when the configuration asks for them
    /// (`calendar_export`). Runs on the queue, after a planning pass.
    func exportCalendars(now: Instant) {
        let configuration = workspace.configuration
        guard let export = configuration.calendarExport else { return }
        do {
            try store.writeOwnerCalendars(to: export.directory, days: export.days, now: now, zone: configuration.zone)
        } catch {
            logger.error("cannot write the calendar files in \(export.directory): \(error)")
        }
    }
}

/// The reminders, retries and morning digests the store owes: the source that delivers them
/// at their instants.
struct ReminderWakeSource: WakeSource {
    var dispatcher: ReminderDispatcher
    var logger: Logger
    var deliver: @Sendable (_ now: Instant) -> Void

    func nextWake(after instant: Instant) -> Wake? {
        do {
            return try dispatcher.nextInstant(after: instant).map { Wake(instant: $0, purpose: "reminders and digests") }
        } catch {
            logger.error("cannot read the reminders owed: \(error.message)")
            return nil
        }
    }

    func fire(at now: Instant) { deliver(now) }
}
