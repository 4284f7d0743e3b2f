import ArgumentParser
import KizunaCore
import KizunaStore

/// `kizuna customer`: change what the store knows of one customer.
struct CustomerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customer", abstract: "Change one customer in the store.", subcommands: [SetStageCommand.self])
}

/// `kizuna customer set-stage ID STAGE [--at WHEN]`.
struct SetStageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-stage",
        abstract: "Move a customer to another lifecycle stage, recorded in its history.",
        discussion: "The stages are lifecycle.yaml's (by default onboarding, adoption, mature, churned); `churned` cancels "
            + "every open task of the customer. The next `kizuna plan` cancels the plays of the old stage and starts the new "
            + "stage's, anchored at the change. "
            + WhenHelp.forms)

    @OptionGroup var config: ConfigOption

    @Argument(help: ArgumentHelp("The customer id.", valueName: "id"))
    var id: String

    @Argument(help: ArgumentHelp("The new stage.", valueName: "stage"))
    var stage: String

    @Option(help: ArgumentHelp("When the customer entered the stage (default: now).", valueName: "when"))
    var at: String?

    func run() throws {
        let configuration = try config.load()
        let stages = try Workspace.models(beside: configuration).lifecycle.stages
        guard stages.contains(stage) else {
            let hint = closestMatch(to: stage, among: stages.sorted()).map { "did you mean `\($0)`?" }
            throw fail([Diagnostic("unknown stage `\(stage)`, expected one of \(stages.sorted().joined(separator: ", "))", hint: hint)])
        }
        let zone = configuration.zone
        let now = try currentInstant(in: zone)
        let entered = try at.map { try parseWhen($0, option: "--at", now: now, zone: zone) } ?? now
        let store = try StoreAccess.open(configuration, .write)
        try storing { () throws(StoreError) in
            guard try store.customer(id: id) != nil else {
                throw StoreError(.notFound, "no customer `\(id)` in the store at \(store.path); import it first")
            }
            try store.apply(stageChanges: [StageChange(customer: id, stage: stage, at: entered, cause: "set by \(TaskAction.actor)")], now: now)
        }
        print("\(id) is \(stage) since \(TimeFormat.dayAndTime(entered, in: zone)); `kizuna plan` plans its new stage")
    }
}
