import ArgumentParser

/// `kizuna`, the companion command.
public struct KizunaCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "kizuna",
        abstract: "Keep a customer-success team's promises: today's tasks from declarative playbooks.",
        discussion: """
            Exit status: 0 on success; 1 when the input (configuration, playbooks, customers, an expression, \
            an action that does not apply to the task) has a problem; 2 when no task or customer has the given \
            id, or a task id prefix is ambiguous; 3 when the store cannot be used (missing, locked, read-only, \
            damaged, or written by a newer Kizuna); 64 when the command line is wrong.
            """,
        subcommands: [
            TodayCommand.self, UpcomingCommand.self, DoneCommand.self, SkipCommand.self, SnoozeCommand.self,
            AssignCommand.self, PauseCommand.self, ShowCommand.self, PlanCommand.self, ImportCommand.self, CustomerCommand.self,
            PlaybooksCommand.self, CadenceCommand.self,
            KPICommand.self, ExportCommand.self,
            StatusCommand.self, HealthCommand.self,
        ]
    )

    public init() {}
}
