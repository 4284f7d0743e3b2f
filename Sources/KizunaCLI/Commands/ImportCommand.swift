import ArgumentParser

/// `kizuna import`: bring customers and health signals into the store.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import customers or health signals into the store.",
        subcommands: [ImportCustomersCommand.self, ImportSignalsCommand.self])
}
