import Dispatch
import Foundation
import KizunaCore
import KizunaDaemonState
import KizunaDelivery
import KizunaSystemd
import Logging
import Synchronization

extension Daemon {
    /// Reads the configuration and the playbooks again. A good set replaces the running one and
    /// is planned (only the playbooks added, edited or removed, when nothing else changed); a bad one is reported, every problem with its file, line and column, in the
    /// log and in the status, and the last good set keeps running. Runs on the queue.
    func reload(cause: String) {
        guard !stopping.load(ordering: .relaxed) else { return }
        do { try notifier.reloading() } catch { logger.warning("cannot report to systemd: \(error)") }
        defer { notify(.ready) }
        let previous = workspace
        let loaded: Workspace
        do {
            loaded = try Workspace.load(configPath: options.configPath)
        } catch {
            for diagnostic in error.diagnostics {
                logger.error("\(diagnostic)", metadata: diagnostic.location.map { ["file": "\($0.file)"] })
            }
            logger.error("reload (\(cause)) failed; the last good playbooks keep running")
            recordReload(succeeded: false, diagnostics: error.diagnostics.map(\.description))
            return
        }
        if loaded.configuration.stateDirectory != previous.configuration.stateDirectory {
            logger.warning("state_directory changed: the daemon uses the new one after a restart")
        }
        let dispatcher = ReminderDispatcher(store: store, configuration: loaded.configuration, logger: logger)
        let changed = state.withLock { state in
            state.workspace = loaded
            state.dispatcher = dispatcher
            return state.plannedWorkspace.flatMap { loaded.changedPlaybooks(since: $0) }
        }
        if loaded.configuration.playbooksDirectory != previous.configuration.playbooksDirectory {
            rewatchPlaybooks(loaded.configuration.playbooksDirectory)
        }
        logger.info("reloaded (\(cause)): \(loaded.playbooks.count) playbooks")
        recordReload(succeeded: true, diagnostics: [])
        plan(cause: "reload", playbooks: changed)
        state.withLock { $0.watchers.scheduler }?.setSources(wakeSources())
    }

    func recordReload(succeeded: Bool, diagnostics: [String]) {
        updateStatus { $0.lastReload = DaemonStatus.Reload(at: clock.now(), succeeded: succeeded, diagnostics: diagnostics) }
    }

    /// Watches the playbook folder: a playbook file (`*.yaml`, `*.yml`) written, moved,
    /// created or deleted reloads after the folder has been quiet for the debounce delay;
    /// editors' swap and backup files do not.
    func watchPlaybooks(_ directory: String, reloads: Debouncer) throws(SystemCallError) -> DirectoryWatcher {
        try DirectoryWatcher(directory: directory, events: DirectoryWatcher.fileEvents, queue: queue) { names in
            if names.contains(where: { $0.isEmpty || $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }) { reloads.signal() }
        }
    }

    /// Watches the configuration's folder: the configuration file, `health.yaml` or
    /// `lifecycle.yaml` beside it written, moved, created or deleted reloads, debounced with
    /// the playbooks (`reloads`), so an edit of both makes one reload.
    func watchConfiguration(reloads: Debouncer) throws(SystemCallError) -> DirectoryWatcher {
        let file = URL(fileURLWithPath: options.configPath).standardizedFileURL
        let names: Set<String> = [file.lastPathComponent, HealthModelLoader.fileName, LifecycleLoader.fileName]
        return try DirectoryWatcher(
            directory: file.deletingLastPathComponent().path, events: DirectoryWatcher.fileEvents, queue: queue
        ) { changed in
            if changed.contains(where: { $0.isEmpty || names.contains($0) }) { reloads.signal() }
        }
    }

    /// Reloads on `queue` once the files have been quiet for the debounce delay.
    func reloadDebouncer() -> Debouncer {
        Debouncer(delay: options.debounce, queue: queue) { [self] in reload(cause: "files changed") }
    }

    private func rewatchPlaybooks(_ directory: String) {
        let (previous, reloads) = state.withLock { ($0.watchers.playbooks, $0.watchers.reloads) }
        previous?.cancel()
        guard let reloads else { return }
        do {
            let watcher = try watchPlaybooks(directory, reloads: reloads)
            state.withLock { $0.watchers.playbooks = watcher }
        } catch {
            state.withLock { $0.watchers.playbooks = nil }
            logger.error("\(error); playbook edits need SIGHUP")
        }
    }
}
