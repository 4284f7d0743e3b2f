import ArgumentParser
import Foundation
import KizunaCore

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

extension Workspace {
    /// Loads everything, or prints every problem found and fails. `playbooksDirectory`
    /// replaces the configured folder.
    static func load(_ option: ConfigOption, playbooksDirectory: String? = nil) throws -> Workspace {
        do {
            return try Workspace.load(configPath: option.resolvedPath, playbooksDirectory: playbooksDirectory)
        } catch {
            throw fail(error.diagnostics)
        }
    }

    /// `health.yaml` and `lifecycle.yaml` beside the configuration, or every problem of both
    /// printed and the command failed.
    static func models(beside configuration: Configuration) throws -> (health: HealthModel?, lifecycle: Lifecycle) {
        do {
            return try Workspace.loadModels(beside: configuration)
        } catch {
            throw fail(error.diagnostics)
        }
    }
}

/// The current instant: `KIZUNA_NOW` when set (an ISO 8601 instant, or a wall time in
/// `zone`), so that reports can be reproduced and tests need no real clock.
func currentInstant(in zone: Zone) throws -> Instant {
    do {
        return try Instant.pinned(environment: ProcessInfo.processInfo.environment, zone: zone) ?? Instant(Date())
    } catch {
        throw fail([error])
    }
}
