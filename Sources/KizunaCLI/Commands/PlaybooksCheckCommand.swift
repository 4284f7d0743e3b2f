import ArgumentParser
import Foundation
import KizunaCore

/// `kizuna playbooks check [PATH…]`: every error of every file, with file:line:column.
struct PlaybooksCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check playbook files and print every error.",
        discussion: "Exits 0 when every file is valid, 1 when any has an error. Without paths, checks the configured playbooks folder.")

    @OptionGroup var config: ConfigOption

    @Argument(help: ArgumentHelp("Playbook files or folders.", valueName: "path"))
    var paths: [String] = []

    func run() throws {
        var targets = paths
        if targets.isEmpty {
            do {
                targets = [try ConfigurationLoader.load(path: config.resolvedPath).playbooksDirectory]
            } catch {
                throw fail(error.diagnostics)
            }
        }
        let (playbooks, problems) = PlaybookLoader.load(paths: targets)
        for problem in problems { printError(problem.description) }
        let files = Set(problems.compactMap(\.location?.file)).count
        if problems.isEmpty {
            print("\(playbooks.count) playbook\(playbooks.count == 1 ? "" : "s") OK")
        } else {
            print("\(problems.count) error\(problems.count == 1 ? "" : "s") in \(max(files, 1)) file\(files == 1 ? "" : "s")")
            throw ExitCode(ExitStatus.invalidInput)
        }
    }
}
