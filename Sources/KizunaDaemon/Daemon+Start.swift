import Foundation
import KizunaCore
import KizunaDaemonState
import KizunaStore
import KizunaSystemd
import Logging

extension Daemon {
    /// Loads the configuration and the playbooks, takes the state directory's lock, opens the
    /// store, and starts planning and watching. `onStop` runs once the daemon has stopped
    /// cleanly (after SIGTERM or SIGINT); the caller keeps the daemon and runs the main queue.
    ///
    /// - Throws: `StartFailure` with the exit status the problem calls for.
    public static func start(
        options: Options, environment: [String: String], logger: Logger, onStop: @escaping @Sendable () -> Void
    ) throws(StartFailure) -> Daemon {
        let workspace: Workspace
        let clock: DaemonClock
        do {
            workspace = try Workspace.load(configPath: options.configPath)
            let start = try Instant.pinned(environment: environment, zone: workspace.configuration.zone)
            clock = DaemonClock(start: start, rate: try options.clockRate ?? DaemonClock.rate(environment: environment))
        } catch let error as DiagnosticList {
            throw StartFailure(.invalidInput, error.diagnostics)
        } catch {
            throw StartFailure(.invalidInput, [error as? Diagnostic ?? Diagnostic("\(error)")])
        }
        let configuration = workspace.configuration
        let lock: DaemonLock?
        do {
            lock = try DaemonLock.acquire(stateDirectory: configuration.stateDirectory)
        } catch {
            throw StartFailure(.storeUnavailable, [Diagnostic(error.description)])
        }
        guard let lock else {
            throw StartFailure(
                .storeUnavailable,
                [Diagnostic("another kizunad is running on \(configuration.stateDirectory)", hint: "see `kizuna status`")])
        }
        // Opening the store may migrate it, and the first plan over many customers takes a while.
        let startup = StartupTimeoutExtender(notifier: Notifier())
        let store: Store
        do {
            let busyTimeout = Store.Options.busyTimeout(environment: environment)
            let storeOptions = Store.Options(busyTimeout: busyTimeout, bulkWrites: true, keepsReaders: true)
            store = try Store(path: configuration.storePath, options: storeOptions)
        } catch {
            startup.cancel()
            throw StartFailure(.storeUnavailable, [Diagnostic(error.message)])
        }
        if !clock.isSystemClock {
            logger.notice("test clock: starting at \(configuration.zone.iso8601(clock.now())), \(clock.rate)× real time")
        }
        let daemon = Daemon(
            options: options, logger: logger, clock: clock, workspace: workspace, store: store, lock: lock, startup: startup,
            onStop: onStop)
        do {
            try daemon.run()
        } catch {
            startup.cancel()
            throw StartFailure(.storeUnavailable, [Diagnostic(error.description)])
        }
        logger.info("started with \(workspace.playbooks.count) playbooks from \(configuration.playbooksDirectory)")
        return daemon
    }
}

/// Why the daemon could not start, with the exit status `kizuna` uses for the same problem.
public struct StartFailure: Error {
    public enum Kind: Int32, Sendable {
        /// The configuration or a playbook has a problem.
        case invalidInput = 1
        /// The store cannot be used, or another daemon holds it.
        case storeUnavailable = 3
    }

    public var kind: Kind
    public var diagnostics: [Diagnostic]

    init(_ kind: Kind, _ diagnostics: [Diagnostic]) {
        self.kind = kind
        self.diagnostics = diagnostics
    }

    public var exitStatus: Int32 { kind.rawValue }
}
