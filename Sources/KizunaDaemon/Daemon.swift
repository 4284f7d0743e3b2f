import Dispatch
import Foundation
import Glibc
import KizunaCore
import KizunaDaemonState
import KizunaDelivery
import KizunaStore
import KizunaSystemd
import Logging
import Synchronization

/// `kizunad`'s engine: plans the store, then sleeps until the next instant it owes something,
/// and re-plans when the playbooks, the store or the clock change.
///
/// Everything it does runs on one serial queue (`queue`); signals arrive on another, so a
/// stop request is seen while a planning pass runs, which then ends after its current batch.
public final class Daemon: Sendable {
    let options: Options
    let logger: Logger
    let clock: DaemonClock
    let store: Store
    let queue = DispatchQueue(label: "kizunad.scheduler")
    let notifier = Notifier()
    private let signalQueue = DispatchQueue(label: "kizunad.signals")
    /// Set by SIGTERM or SIGINT: no new pass starts, and a running one ends after its batch.
    let stopping = Atomic<Bool>(false)
    let state: Mutex<State>
    private let onStop: @Sendable () -> Void

    /// How a daemon runs.
    public struct Options: Sendable {
        /// The configuration file.
        public var configPath: String
        /// The clock's rate (`--clock-rate`); `nil` takes `KIZUNA_CLOCK_RATE`, else 1.
        public var clockRate: Double?
        /// How long the watched files and the store stay quiet before a re-plan: an editor's
        /// save (a write, or a new file renamed over the old) sends its events within a few
        /// milliseconds, so 100 ms makes one reload of it and leaves most of the 500 ms an edit
        /// may take to the pass.
        public var debounce: DispatchTimeInterval
        /// Customers per planning transaction: as many as are written in about a quarter of a
        /// second (`Options.defaultBatchSizing`), so that a stop waits little.
        public var batchSizing: BatchSizing

        /// Batches of about a quarter of a second: a stop waits for the one being written, well
        /// within its second, and a pass over many customers commits a few times a second
        /// rather than once per thousand customers.
        public static let defaultBatchSizing = BatchSizing.timed(target: .milliseconds(250))

        public init(
            configPath: String, clockRate: Double? = nil, debounce: DispatchTimeInterval = .milliseconds(100),
            batchSizing: BatchSizing = Options.defaultBatchSizing
        ) {
            self.configPath = configPath
            self.clockRate = clockRate
            self.debounce = debounce
            self.batchSizing = batchSizing
        }
    }

    /// What changes while the daemon runs.
    struct State: Sendable {
        /// The last good configuration and playbooks.
        var workspace: Workspace
        /// Delivers reminders through the workspace's channels.
        var dispatcher: ReminderDispatcher
        var status: DaemonStatus
        /// The store's `externalChangeCounter` when last planned.
        var storeVersion: Int = 0
        /// The earliest time-based stage transition ahead, as of the last pass: the customers
        /// change only through a pass (or a write that is followed by one).
        var nextTransition: Instant?
        /// The workspace of the last pass, when it succeeded: a reload plans only the
        /// playbooks changed since (`nil` plans them all).
        var plannedWorkspace: Workspace?
        /// Where the store's history was last logged (`logStoreChanges`).
        var changeCursor: StoreChanges.Cursor?
        var watchers = Watchers()
    }

    /// The event sources, kept so that they fire and can be cancelled.
    struct Watchers: Sendable {
        var scheduler: WakeScheduler?
        var playbooks: DirectoryWatcher?
        var configuration: DirectoryWatcher?
        /// Reloads once the playbook and configuration files are quiet.
        var reloads: Debouncer?
        var store: DirectoryWatcher?
        var clock: ClockChangeWatcher?
        var signals: SignalWatcher?
        var lock: DaemonLock?
        var watchdog: WatchdogPinger?
        /// Asks systemd for more time until the first plan is done.
        var startup: StartupTimeoutExtender?
    }

    init(
        options: Options, logger: Logger, clock: DaemonClock, workspace: Workspace, store: Store, lock: DaemonLock,
        startup: StartupTimeoutExtender, onStop: @escaping @Sendable () -> Void
    ) {
        self.options = options
        self.logger = logger
        self.clock = clock
        self.store = store
        self.onStop = onStop
        let status = DaemonStatus(pid: getpid(), started: clock.now(), clockRate: clock.rate)
        let dispatcher = ReminderDispatcher(store: store, configuration: workspace.configuration, logger: logger)
        state = Mutex(State(workspace: workspace, dispatcher: dispatcher, status: status, watchers: Watchers(lock: lock, startup: startup)))
    }

    var workspace: Workspace { state.withLock { $0.workspace } }
    var dispatcher: ReminderDispatcher { state.withLock { $0.dispatcher } }
    var stateDirectory: String { workspace.configuration.stateDirectory }

    /// Installs the signal handlers and watchers, then makes the first planning pass, on the
    /// queue; the pass reports the daemon ready once its tasks are stored.
    func run() throws(SystemCallError) {
        let signals = SignalWatcher(
            handlers: [
                SIGTERM: { [self] in stop(signal: "SIGTERM") },
                SIGINT: { [self] in stop(signal: "SIGINT") },
                SIGHUP: { [self] in queue.async { self.reload(cause: "SIGHUP") } },
            ], queue: signalQueue)
        let scheduler = WakeScheduler(queue: queue, clock: clock) { [self] wake in nextWakeArmed(wake) }
        let clockWatcher = try ClockChangeWatcher(queue: queue) { [self] in
            logger.notice("the system clock was set; planning again")
            plan(cause: "clock changed")
        }
        let storeWatcher = try watchStore()
        let reloads = reloadDebouncer()
        let playbookWatcher = try watchPlaybooks(workspace.configuration.playbooksDirectory, reloads: reloads)
        let configurationWatcher = try watchConfiguration(reloads: reloads)
        let watchdog = try? WatchdogPinger(notifier: notifier, queue: queue)
        state.withLock { state in
            state.watchers.signals = signals
            state.watchers.scheduler = scheduler
            state.watchers.clock = clockWatcher
            state.watchers.store = storeWatcher
            state.watchers.playbooks = playbookWatcher
            state.watchers.configuration = configurationWatcher
            state.watchers.reloads = reloads
            state.watchers.watchdog = watchdog
        }
        queue.async { [self] in
            // The history before the start is not logged again.
            let cursor = try? store.changeCursor()
            state.withLock { $0.changeCursor = cursor }
            recordReload(succeeded: true, diagnostics: [])
            plan(cause: "start")
            scheduler.setSources(wakeSources())
        }
    }

    /// What the daemon owes, source by source: planning at midnight and when a customer's
    /// stage is due to move, and reminders.
    func wakeSources() -> [any WakeSource] {
        [
            MidnightWakeSource(zone: workspace.configuration.zone) { [self] _ in plan(cause: "midnight") },
            StageTransitionWakeSource(next: { [self] in state.withLock { $0.nextTransition } }) { [self] _ in
                plan(cause: "stage transition")
            },
            ReminderWakeSource(dispatcher: dispatcher, logger: logger) { [self] now in deliverOwed(now: now) },
        ]
    }

    /// Logs and records the wake the timer now waits for, when it is a new one.
    private func nextWakeArmed(_ wake: Wake?) {
        guard wake != state.withLock({ $0.status.nextWake }) else { return }
        if let wake {
            logger.info("next wake-up \(workspace.configuration.zone.iso8601(wake.instant)): \(wake.purpose)")
        }
        updateStatus { $0.nextWake = wake }
    }

    /// Applies `change` to the status and writes the status file.
    func updateStatus(_ change: (inout DaemonStatus) -> Void) {
        let status = state.withLock { state in
            change(&state.status)
            return state.status
        }
        do {
            try status.write(stateDirectory: stateDirectory)
        } catch {
            logger.warning("cannot write the status file in \(stateDirectory): \(error)")
        }
    }

    /// Stops after the write in progress: cancels every source and ends the process with 0.
    private func stop(signal: String) {
        guard !stopping.exchange(true, ordering: .sequentiallyConsistent) else { return }
        logger.info("\(signal) received; stopping")
        notify(.stopping)
        queue.async { [self] in
            let watchers = state.withLock { state in
                defer { state.watchers = Watchers() }
                return state.watchers
            }
            watchers.scheduler?.cancel()
            watchers.playbooks?.cancel()
            watchers.configuration?.cancel()
            watchers.store?.cancel()
            watchers.clock?.cancel()
            watchers.signals?.cancel()
            watchers.watchdog?.cancel()
            watchers.startup?.cancel()
            logger.info("stopped")
            onStop()
        }
    }
}
