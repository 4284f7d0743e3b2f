import Dispatch
import Foundation
import KizunaCore
import KizunaDaemonState
import KizunaStore
import KizunaSystemd
import Logging
import Synchronization

extension Daemon {
    /// One planning pass at the clock's instant, recorded in the status (the first one then
    /// reports the daemon ready); then its changes logged, the calendar files rewritten, what
    /// is owed by now delivered, the timer armed for what is owed next, and the pass's memory
    /// given back. Runs on the queue.
    ///
    /// With `playbooks`, the pass evaluates and plans only those playbooks (see
    /// `PlanningRun.playbookIDs`): a reload that changed nothing else.
    func plan(cause: String, playbooks: Set<String>? = nil) {
        guard !stopping.load(ordering: .relaxed) else { return }
        let workspace = self.workspace
        let configuration = workspace.configuration
        let zone = configuration.zone
        let now = clock.now()
        let window = PlanningWindow(now: now, zone: zone, horizon: configuration.horizon, calendar: configuration.calendar)
        var timer = PassTimer()
        var record = DaemonStatus.Plan(
            at: now, cause: cause, today: zone.localDateTime(at: window.from).date.description, milliseconds: 0, created: 0,
            updated: 0, cancelled: 0)
        do {
            let version = try store.externalChangeCounter()
            let (result, customers) = try workspace.plan(
                on: store, now: now, window: window, playbooks: playbooks, batchSizing: options.batchSizing, timer: &timer,
                shouldStop: { self.stopping.load(ordering: .relaxed) })
            // Stages move only in full passes (and through writes, which are followed by one).
            if playbooks == nil {
                let transition = workspace.evaluation.nextTransition(of: customers, after: now)
                state.withLock { $0.nextTransition = transition }
                timer.lap("next transition")
            }
            state.withLock { state in
                state.storeVersion = version
                state.plannedWorkspace = workspace
            }
            (record.created, record.updated, record.cancelled) = (result.created, result.updated, result.cancelled)
        } catch {
            state.withLock { $0.plannedWorkspace = nil }
            record.error = error.message
            logger.error("planning failed: \(error.message)")
        }
        record.milliseconds = timer.total
        let scope = playbooks.map { ", changed playbooks only: " + ($0.isEmpty ? "none" : $0.sorted().joined(separator: ", ")) } ?? ""
        logger.info(
            """
            planned \(record.today) to \(zone.localDateTime(at: window.to).date) (\(cause)\(scope)): \(record.created) created, \
            \(record.updated) updated, \(record.cancelled) cancelled in \(record.milliseconds) ms (\(timer.laps))
            """)
        updateStatus { status in
            status.lastPlan = record
            status.passes += 1
        }
        becomeReadyOnce()
        logStoreChanges()
        exportCalendars(now: now)
        deliverOwed(now: now)
        state.withLock { $0.watchers.scheduler }?.rearm()
        notify(.status(statusLine()))
        releaseMemory()
    }

    /// Tells the service manager that the daemon is ready, after the first pass stored its
    /// tasks and before what can wait (calendar files, reminders owed since the last run);
    /// later passes send nothing.
    private func becomeReadyOnce() {
        let startup = state.withLock { state in
            defer { state.watchers.startup = nil }
            return state.watchers.startup
        }
        guard let startup else { return }
        startup.cancel()
        guard !stopping.load(ordering: .relaxed) else { return }
        notify(.ready, .status(statusLine()))
        state.withLock { $0.watchers.watchdog }?.start()
    }

    /// Watches the state directory for writes to the store's write-ahead log, and re-plans
    /// when another process (`kizuna done`, `snooze`, `import`, `customer set-stage`) committed.
    func watchStore() throws(SystemCallError) -> DirectoryWatcher {
        let logFiles: Set<String> = [Store.fileName + "-wal", Store.fileName]
        let debouncer = Debouncer(delay: options.debounce, queue: queue) { [self] in planIfStoreChanged() }
        return try DirectoryWatcher(
            directory: stateDirectory, events: UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_MOVED_TO), queue: queue
        ) { names in
            if names.contains(where: { $0.isEmpty || logFiles.contains($0) }) { debouncer.signal() }
        }
    }

    /// Re-plans when the store's change counter moved since the last pass: a write of another
    /// process, not one of the daemon's own.
    private func planIfStoreChanged() {
        do {
            let version = try store.externalChangeCounter()
            guard version != state.withLock({ $0.storeVersion }) else { return }
            logger.info("the store was changed by another process; planning again")
            plan(cause: "store changed")
        } catch {
            logger.error("cannot read the store's change counter: \(error.message)")
        }
    }
}
