import ArgumentParser
import Foundation
import KizunaCore

/// `kizuna playbooks check [PATH…]`: every error of every file, with file:line:column.
struct PlaybooksCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check playbook files and print every error.",
        discussion: """
            Exits 0 when every file is valid, 1 when any has an error. Without paths, checks the configured playbooks \
            folder with the health model and lifecycle beside the configuration: the stages plays name, and the \
            metrics and playbooks that conditions (in the playbooks and in lifecycle.yaml) name.
            """)

    @OptionGroup var config: ConfigOption

    @Argument(help: ArgumentHelp("Playbook files or folders.", valueName: "path"))
    var paths: [String] = []

    func run() throws {
        let (playbooks, problems) = try paths.isEmpty ? configuredPlaybooks() : PlaybookLoader.load(paths: paths)
        for problem in problems { printError(problem.description) }
        let files = Set(problems.compactMap(\.location?.file)).count
        if problems.isEmpty {
            print("\(playbooks.count) playbook\(playbooks.count == 1 ? "" : "s") OK")
        } else {
            print("\(problems.count) error\(problems.count == 1 ? "" : "s") in \(max(files, 1)) file\(files == 1 ? "" : "s")")
            throw ExitCode(ExitStatus.invalidInput)
        }
    }

    /// The configured folder's playbooks, read with the lifecycle's stages, and every problem
    /// of them and of the names their conditions and the lifecycle's rely on.
    private func configuredPlaybooks() throws -> (playbooks: [Playbook], diagnostics: [Diagnostic]) {
        let configuration = try config.load()
        let (health, lifecycle) = try Workspace.models(beside: configuration)
        let (playbooks, problems) = PlaybookLoader.load(paths: [configuration.playbooksDirectory], stages: lifecycle.stages)
        return (playbooks, problems + Workspace.referenceProblems(playbooks: playbooks, lifecycle: lifecycle, health: health))
    }
}
