import ArgumentParser
import Foundation
import KizunaCore
import KizunaStore

/// `--config PATH`, shared by every command that reads the team's configuration.
struct ConfigOption: ParsableArguments {
    @Option(
        name: .customLong("config"),
        help: ArgumentHelp("The configuration file.", discussion: "Default: $KIZUNA_CONFIG, else /etc/kizuna/kizuna.yaml.", valueName: "path"))
    var path: String?

    /// The file to read: the option, else `KIZUNA_CONFIG`, else the system default.
    var resolvedPath: String {
        path ?? Configuration.defaultPath(environment: ProcessInfo.processInfo.environment)
    }

    /// The configuration, or every problem found in it printed and the command failed.
    func load() throws -> Configuration {
        do {
            return try ConfigurationLoader.load(path: resolvedPath)
        } catch {
            throw fail(error.diagnostics)
        }
    }
}

/// What a planning command works on: the configuration, the playbooks, the health model
/// and the lifecycle beside it, loaded and checked.
struct Workspace {
    var configuration: Configuration
    var playbooks: [Playbook]
    var health: HealthModel?
    var lifecycle: Lifecycle

    /// Loads everything, or prints every problem found and fails. `playbooksDirectory`
    /// replaces the configured folder.
    static func load(_ option: ConfigOption, playbooksDirectory: String? = nil) throws -> Workspace {
        let configuration = try option.load()
        let (health, lifecycle) = try loadModels(beside: configuration)
        let (playbooks, problems) = PlaybookLoader.load(
            paths: [playbooksDirectory ?? configuration.playbooksDirectory], stages: lifecycle.stages)
        guard problems.isEmpty else { throw fail(problems) }
        return Workspace(configuration: configuration, playbooks: playbooks, health: health, lifecycle: lifecycle)
    }

    /// `health.yaml` and `lifecycle.yaml` beside the configuration, or every problem of both printed and failed.
    static func loadModels(beside configuration: Configuration) throws -> (HealthModel?, Lifecycle) {
        var problems: [Diagnostic] = []
        var health: HealthModel?
        var lifecycle = Lifecycle.standard
        do { health = try HealthModelLoader.load(beside: configuration.file) } catch { problems += error.diagnostics }
        do { lifecycle = try LifecycleLoader.load(beside: configuration.file) } catch { problems += error.diagnostics }
        guard problems.isEmpty else { throw fail(problems) }
        return (health, lifecycle)
    }

    /// Health, lifecycle and triggers, as a planning pass evaluates them.
    var evaluation: CustomerEvaluation {
        CustomerEvaluation(
            playbooks: playbooks, health: health, lifecycle: lifecycle, zone: configuration.zone, calendar: configuration.calendar)
    }

    var planner: Planner {
        Planner(playbooks: playbooks, teamZone: configuration.zone, calendar: configuration.calendar)
    }
}

/// The current instant: `KIZUNA_NOW` when set (an ISO 8601 instant, or a wall time in
/// `zone`), so that reports can be reproduced and tests need no real clock.
func currentInstant(in zone: Zone) throws -> Instant {
    guard let text = ProcessInfo.processInfo.environment["KIZUNA_NOW"], !text.isEmpty else { return Instant(Date()) }
    guard let instant = Instant(iso8601: text, defaultZone: zone) else {
        throw fail("KIZUNA_NOW: expected an ISO 8601 date-time such as 2026-11-23T09:00:00-05:00, found `\(text)`")
    }
    return instant
}
