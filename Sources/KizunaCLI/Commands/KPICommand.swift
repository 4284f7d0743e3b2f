import ArgumentParser
import KizunaCore
import KizunaStore

/// `kizuna kpi`: the team's KPIs over a period, beside the period before.
struct KPICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kpi",
        abstract: "Report customer churn, revenue churn, retention, onboarding, expansion, NPS and the team's on-time rate.",
        discussion: """
            PERIOD is a quarter (2026-Q3), a month (2026-10) or an ISO week (2026-W42), from midnight to midnight in \
            the team's time zone; the default is the current quarter. Each figure has the period before beside it. \
            docs/kpi.md defines every figure.
            """)

    @OptionGroup var config: ConfigOption

    @Option(help: ArgumentHelp("The period: 2026-Q3, 2026-10 or 2026-W42 (default: the current quarter).", valueName: "period"))
    var period: String?

    @Flag(help: "Print JSON for scripts.")
    var json = false

    func run() throws {
        let configuration = try config.load()
        let zone = configuration.zone
        let now = try currentInstant(in: zone)
        let chosen: KPIPeriod
        do {
            chosen = try period.map(KPIPeriod.init(parsing:)) ?? .quarter(containing: zone.localDateTime(at: now).date)
        } catch {
            throw fail("--period: \(error.description)")
        }
        let store = try StoreAccess.open(configuration, .read)
        let history = try storing { () throws(StoreError) in
            try store.kpiHistory(from: chosen.previous.bounds(in: zone).start, to: chosen.bounds(in: zone).end)
        }
        let report = KPICalculator(history: history).report(for: chosen, zone: zone, now: now)
        if json {
            try printJSON(KPIJSON(timezone: zone.identifier, report: report))
        } else {
            print(KPITable(report: report, zone: zone, style: .terminal).text, terminator: "")
        }
    }
}

private struct KPIJSON: Encodable {
    let timezone: String
    let report: KPIReport

    enum CodingKeys: String, CodingKey {
        case timezone, current, previous
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(timezone, forKey: .timezone)
        try container.encode(report.current, forKey: .current)
        try container.encode(report.previous, forKey: .previous)
    }
}
