import ArgumentParser
import Dispatch
import Foundation
import KizunaCore
import KizunaDaemon
import Logging

/// `kizunad`, the daemon: parses its arguments, sets up logging and runs the scheduler.
@main
struct KizunadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kizunad",
        abstract: "Keep the schedule: plan the playbooks into the store and re-plan whenever something changes.",
        discussion: """
            Runs in the foreground (as systemd expects). Plans at start, at midnight in the team's zone, when a \
            playbook file or the configuration changes, on SIGHUP, when `kizuna` changes the store and when the system clock is set. \
            SIGTERM or SIGINT stops it cleanly. `kizuna status` shows what it is doing.

            Test clock: KIZUNA_NOW=INSTANT starts the daemon's clock at that instant, and KIZUNA_CLOCK_RATE=N \
            (or --clock-rate) runs it N times as fast as real time.

            Exit status: 0 after a clean stop; 1 when the configuration or a playbook has a problem; 3 when the store \
            cannot be used or another kizunad holds it; 64 when the command line is wrong.
            """)

    @Option(
        name: .customLong("config"),
        help: ArgumentHelp("The configuration file.", discussion: "Default: $KIZUNA_CONFIG, else /etc/kizuna/kizuna.yaml.", valueName: "path"))
    var configPath: String?

    @Option(help: ArgumentHelp("Run the daemon's clock this many times as fast as real time (tests, demonstrations).", valueName: "rate"))
    var clockRate: Double?

    func validate() throws {
        if let clockRate, !(clockRate > 0 && clockRate.isFinite) { throw ValidationError("--clock-rate must be a positive number") }
    }

    func run() throws {
        LogSetup.bootstrap()
        let environment = ProcessInfo.processInfo.environment
        let logger = Logger(label: "kizunad")
        let options = Daemon.Options(configPath: configPath ?? Configuration.defaultPath(environment: environment), clockRate: clockRate)
        let daemon: Daemon
        do {
            daemon = try Daemon.start(options: options, environment: environment, logger: logger) { Foundation.exit(0) }
        } catch {
            for diagnostic in error.diagnostics { logger.critical("\(diagnostic)") }
            throw ExitCode(error.exitStatus)
        }
        withExtendedLifetime(daemon) { dispatchMain() }
    }
}
