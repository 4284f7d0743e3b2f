import ArgumentParser
import KizunaCore
import KizunaStore

/// `kizuna playbooks explain PLAYBOOK --customer ID --from DATE --to DATE`: the tasks a
/// play produces for one customer over a period, with step dates and reminder instants.
struct PlaybooksExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show the tasks a play produces for one customer over a period.")

    @OptionGroup var config: ConfigOption

    @Argument(help: ArgumentHelp("The playbook id.", valueName: "playbook"))
    var playbookID: String

    @Option(help: ArgumentHelp("The customer id.", valueName: "id"))
    var customer: String

    @Option(help: ArgumentHelp("The first day, included (YYYY-MM-DD, in the play's time zone).", valueName: "date"))
    var from: String

    @Option(help: ArgumentHelp("The last day, included (YYYY-MM-DD).", valueName: "date"))
    var to: String

    @Flag(help: "Print JSON for scripts.")
    var json = false

    func run() throws {
        guard let first = CivilDate(from) else { throw fail("--from: expected a date such as 2026-12-01, found `\(from)`") }
        guard let last = CivilDate(to) else { throw fail("--to: expected a date such as 2026-12-31, found `\(to)`") }
        guard first <= last else { throw fail("--from \(from) is after --to \(to)") }
        let workspace = try Workspace.load(config)
        guard let playbook = workspace.playbooks.first(where: { $0.id == playbookID }) else {
            let hint = closestMatch(to: playbookID, among: workspace.playbooks.map(\.id)).map { "did you mean `\($0)`?" }
            throw fail([Diagnostic("no playbook `\(playbookID)` in \(workspace.configuration.playbooksDirectory)", hint: hint)])
        }
        let store = try StoreAccess.open(workspace.configuration, .read)
        let customer = try storing { () throws(StoreError) in
            guard let customer = try store.customer(id: self.customer) else {
                let hint = closestMatch(to: self.customer, among: try store.customers().map(\.id)).map { " (did you mean `\($0)`?)" }
                throw StoreError(.notFound, "no customer `\(self.customer)` in the store at \(store.path)" + (hint ?? ""))
            }
            return customer
        }
        // A `when:` play occurs on the days it fired, and today when its condition has just become true.
        var planner = workspace.planner
        let now = try currentInstant(in: workspace.configuration.zone)
        planner.firings = Firings(
            try storing { () throws(StoreError) in
                try store.firings(customers: [customer.id])
                    + workspace.evaluation.evaluate(on: store, now: now, only: [customer.id], record: false).firings
            })
        let zone = planner.context(for: customer, playbook: playbook).zone
        let occurrences = planner.occurrences(
            of: playbook, for: customer, from: zone.instant(for: LocalDateTime(date: first)),
            to: zone.instant(for: LocalDateTime(date: last.adding(days: 1))))
        let explanation = Explanation(playbook: playbook, customer: customer, zone: zone, occurrences: occurrences, applies: planner.applies(playbook, to: customer, on: first))
        if json {
            try printJSON(explanation)
        } else {
            explanation.print(style: .terminal)
        }
    }
}
