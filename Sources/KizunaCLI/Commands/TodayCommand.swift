import Foundation
import ArgumentParser
import KizunaCore

/// `kizuna today`: what each person must do today, most urgent first.
struct TodayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "today",
        abstract: "List today's tasks, grouped by owner, most urgent first.",
        discussion: "Shows the tasks that start today and those whose due window is still open, in the team's time zone.")

    @OptionGroup var config: ConfigOption

    @Option(help: ArgumentHelp("Only this owner's tasks.", valueName: "name"))
    var owner: String?

    @Flag(help: "Print JSON for scripts.")
    var json = false

    /// How far back to look for tasks whose due window reaches into today.
    static let lookback: Int64 = 31 * 86_400

    func run() throws {
        let workspace = try Workspace.load(config)
        let zone = workspace.configuration.zone
        let now = try currentInstant(in: zone)
        let today = zone.localDateTime(at: now).date
        let startOfToday = zone.instant(for: LocalDateTime(date: today))
        let startOfTomorrow = zone.instant(for: LocalDateTime(date: today.adding(days: 1)))
        let customers = Dictionary(uniqueKeysWithValues: workspace.customers.map { ($0.id, $0) })
        let reports = workspace.planner
            .tasks(for: workspace.customers, from: startOfToday.adding(seconds: -Self.lookback), to: startOfTomorrow)
            .filter { $0.start >= startOfToday || $0.due >= startOfToday }
            .filter { owner == nil || $0.owner == owner }
            .map { TaskReport($0, customer: customers[$0.customer], now: now) }
        let groups = OwnerGroup.grouping(reports)
        if json {
            try printJSON(TodayJSON(date: today.description, timezone: zone.identifier, owners: groups))
        } else {
            let heading = "Today, \(today.weekday.name.capitalized) \(today) (\(zone.identifier))"
            TaskListPrinter(style: .terminal, zone: zone, now: now).print(groups, heading: heading)
        }
    }
}

private struct TodayJSON: Encodable {
    let date: String
    let timezone: String
    let owners: [OwnerGroup]
}
