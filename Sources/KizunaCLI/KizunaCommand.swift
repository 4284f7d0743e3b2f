import ArgumentParser

/// `kizuna`, the companion command.
public struct KizunaCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "kizuna",
        abstract: "Keep a customer-success team's promises: today's tasks from declarative playbooks."
    )

    public init() {}
}
