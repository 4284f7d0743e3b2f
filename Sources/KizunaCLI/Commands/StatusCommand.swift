import ArgumentParser
import Foundation
import KizunaCore
import KizunaDaemonState
import KizunaStore

/// `kizuna status`: whether the daemon runs and what it does, the configuration's health,
/// the store's counts and the failing deliveries.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show whether kizunad runs, its last plan and reload, its next wake-up, the store's counts and failed deliveries.",
        discussion: """
            Reads the daemon's status file and lock in the state directory, checks the configuration and the \
            playbooks as a reload would, counts the store's customers and pending tasks, and shows the deliveries \
            that are failing with the latest errors. Exit status: 0 when \
            all is readable (whether or not the daemon runs); 1 when the configuration or a playbook has a \
            problem; 3 when the store cannot be used.
            """)

    @OptionGroup var config: ConfigOption

    @Flag(help: "Print JSON for scripts.")
    var json = false

    func run() throws {
        let configuration = try config.load()
        let zone = configuration.zone
        let now = try currentInstant(in: zone)
        let playbooks = PlaybookLoader.load(paths: [configuration.playbooksDirectory])
        let running = DaemonLock.isHeld(stateDirectory: configuration.stateDirectory)
        var report = StatusReport(
            daemon: StatusReport.daemon(DaemonStatus.read(stateDirectory: configuration.stateDirectory), running: running, zone: zone),
            configuration: StatusReport.ConfigurationReport(
                file: configuration.file, playbooks: playbooks.0.count, diagnostics: playbooks.1.map(\.description)))
        var storeFailure: StoreError?
        do {
            let today = zone.localDateTime(at: now).date
            let range = zone.instant(for: LocalDateTime(date: today))..<zone.instant(for: LocalDateTime(date: today.adding(days: 1)))
            let store = try Store(
                path: configuration.storePath, options: Store.Options(busyTimeout: StoreAccess.busyTimeout, readOnly: true))
            report.store = try store.summary(today: range, now: now)
            report.deliveries = StatusReport.DeliveriesReport(try store.deliveryHealth(latest: 5), zone: zone)
        } catch {
            storeFailure = error
            report.storeError = error.message
        }
        if json {
            try printJSON(report)
        } else {
            for line in report.lines { print(line) }
        }
        if !playbooks.1.isEmpty { throw ExitCode(ExitStatus.invalidInput) }
        // A missing store is a store that cannot be used here, not an unknown id.
        if let storeFailure { throw ExitCode(storeFailure.code == .notFound ? ExitStatus.storeUnavailable : ExitStatus.code(for: storeFailure)) }
    }
}
