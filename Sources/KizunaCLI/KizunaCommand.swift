import ArgumentParser

/// `kizuna`, the companion command.
public struct KizunaCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "kizuna",
        abstract: "Keep a customer-success team's promises: today's tasks from declarative playbooks.",
        discussion: """
            Exit status: 0 on success, 1 when the input (configuration, playbooks, customers, an expression) \
            has a problem, 64 when the command line is wrong.
            """,
        subcommands: [TodayCommand.self, PlaybooksCommand.self, CadenceCommand.self]
    )

    public init() {}
}
