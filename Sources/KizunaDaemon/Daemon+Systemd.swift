import KizunaCore
import KizunaStore
import KizunaSystemd
import Logging

extension Daemon {
    /// Reports to systemd; a failure is logged, never fatal (outside systemd nothing is sent).
    func notify(_ states: NotifyState...) {
        do {
            try notifier.send(states)
        } catch {
            logger.warning("cannot report to systemd: \(error)")
        }
    }

    /// The one line `systemctl status` shows: the store's counts and the next task, with its
    /// customer's name.
    func statusLine() -> String {
        let zone = workspace.configuration.zone
        let now = clock.now()
        let today = zone.localDateTime(at: now).date
        let startOfToday = zone.instant(for: LocalDateTime(date: today))
        let startOfTomorrow = zone.instant(for: LocalDateTime(date: today.adding(days: 1)))
        do {
            let summary = try store.summary(today: startOfToday..<startOfTomorrow, now: now)
            let next = try store.upcoming(from: now, to: now.adding(seconds: 7 * 86_400), owner: nil, limit: 1).first
            // People know a customer by its name; the id is the fallback for one since removed.
            let name = try next.flatMap { task throws(StoreError) in try store.customer(id: task.customer)?.name }
            return ServiceStatus(
                customers: summary.customers, dueToday: summary.dueToday, overdue: summary.overdue,
                next: next.map { ServiceStatus.Upcoming(at: $0.start, title: $0.title, customer: name ?? $0.customer) }
            ).line(now: now, zone: zone)
        } catch {
            return "cannot read the store: \(error.message)"
        }
    }
}
