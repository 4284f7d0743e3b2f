import ArgumentParser
import KizunaCore
import KizunaStore

/// `kizuna health`: every customer's latest health score, worst first, with the measures
/// that drive it and its trend.
struct HealthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "health",
        abstract: "List customers' health scores, worst first, with the measures that drive them and the trend.",
        discussion: """
            Scores come from the health model (health.yaml beside the configuration) and are recomputed by \
            `kizuna plan` and `kizuna import signals`. The trend compares the latest score with the one the model's \
            `trend` span before it (↑ up, ↓ down, → within a point). A customer without enough data is `unknown`, \
            listed last.
            """)

    @OptionGroup var config: ConfigOption

    @Option(help: ArgumentHelp("Only customers in this band (red, yellow, green, unknown).", valueName: "band"))
    var band: HealthBand?

    @Option(help: ArgumentHelp("Only this customer.", valueName: "id"))
    var customer: String?

    @Flag(help: "Print JSON for scripts.")
    var json = false

    @Flag(help: "Recompute every customer's score from its signals first (as `kizuna plan` does).")
    var recompute = false

    func run() throws {
        let configuration = try config.load()
        guard let model = try Workspace.models(beside: configuration).health else {
            throw fail([
                Diagnostic(
                    "there is no health model beside \(configuration.file)",
                    hint: "write \(HealthModelLoader.fileName) (see docs/health.md), then run `kizuna plan`")
            ])
        }
        let store = try StoreAccess.open(configuration, recompute ? .bulkWrite : .read)
        if recompute {
            let evaluation = CustomerEvaluation(
                playbooks: [], health: model, lifecycle: .standard, zone: configuration.zone, calendar: configuration.calendar)
            let now = try currentInstant(in: configuration.zone)
            try storing { () throws(StoreError) in try evaluation.recomputeHealth(on: store, now: now) }
        }
        let rows = try storing { () throws(StoreError) in try store.healthReport(customer: customer, band: band, trend: model.trend) }
            .sorted { ($0.health.band, $0.health.score ?? 101, $0.customer) < ($1.health.band, $1.health.score ?? 101, $1.customer) }
        if let customer, rows.isEmpty, try storing({ () throws(StoreError) in try store.customer(id: customer) }) == nil {
            printError(Diagnostic("no customer `\(customer)` in the store").description)
            throw ExitCode(ExitStatus.notFound)
        }
        if json {
            try printJSON(rows.map(HealthLine.init))
        } else {
            HealthReportPrinter(style: .terminal, bands: model.bands, trend: model.trend).print(rows)
        }
    }
}

extension HealthBand: ExpressibleByArgument {}
