import ArgumentParser
import KizunaCore
import KizunaStore

/// `kizuna pause PLAYBOOK --customer ID --until WHEN`: stop a play for one customer for a while.
struct PauseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pause",
        abstract: "Pause a play for one customer until a date (\"on holiday until the 20th\").",
        discussion: "Its pending tasks starting before then are cancelled, and planning creates none until then. "
            + WhenHelp.forms)

    @OptionGroup var config: ConfigOption

    @Argument(help: ArgumentHelp("The playbook id.", valueName: "playbook"))
    var playbook: String

    @Option(help: ArgumentHelp("The customer id.", valueName: "id"))
    var customer: String

    @Option(help: ArgumentHelp("Until when (2026-12-01, +2w, next monday).", valueName: "when"))
    var until: String

    @Option(help: ArgumentHelp("Why.", valueName: "text"))
    var reason: String?

    func run() throws {
        let workspace = try Workspace.load(config)
        let zone = workspace.configuration.zone
        guard workspace.playbooks.contains(where: { $0.id == playbook }) else {
            let hint = closestMatch(to: playbook, among: workspace.playbooks.map(\.id)).map { "did you mean `\($0)`?" }
            throw fail([Diagnostic("no playbook `\(playbook)` in \(workspace.configuration.playbooksDirectory)", hint: hint)])
        }
        let now = try currentInstant(in: zone)
        let end = try parseWhen(until, option: "--until", now: now, zone: zone)
        let store = try StoreAccess.open(workspace.configuration, .write)
        let cancelled = try storing { () throws(StoreError) in
            try store.pause(playbook: playbook, customer: customer, until: end, reason: reason, at: now, actor: TaskAction.actor)
        }
        print(
            "\(playbook) paused for \(customer) until \(TimeFormat.dayAndTime(end, in: zone)); "
                + "\(cancelled) pending task\(cancelled == 1 ? "" : "s") cancelled")
    }
}
