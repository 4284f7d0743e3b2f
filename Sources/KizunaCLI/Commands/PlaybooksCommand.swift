import ArgumentParser

/// `kizuna playbooks …`: check and explain playbook files.
struct PlaybooksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "playbooks",
        abstract: "Check playbook files and explain what a play does.",
        subcommands: [PlaybooksCheckCommand.self, PlaybooksExplainCommand.self])
}
