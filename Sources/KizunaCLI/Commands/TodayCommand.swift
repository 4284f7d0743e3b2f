import Foundation
import ArgumentParser
import KizunaCore
import KizunaStore

/// `kizuna today`: what each person must do today, most urgent first, from the store.
struct TodayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "today",
        abstract: "List today's tasks, grouped by owner, most urgent first.",
        discussion: """
            Shows the pending tasks of the store that start today or started earlier: today's, and the overdue \
            ones. Reads the store only; `kizuna plan` (or the daemon) puts the tasks there.
            """)

    @OptionGroup var config: ConfigOption

    @Option(help: ArgumentHelp("Only this owner's tasks.", valueName: "name"))
    var owner: String?

    @Flag(help: "Print JSON for scripts.")
    var json = false

    func run() throws {
        let configuration = try config.load()
        let zone = configuration.zone
        let now = try currentInstant(in: zone)
        let store = try StoreAccess.open(configuration, .read)
        let list = try storing { () throws(StoreError) in try store.today(zone: zone, now: now, owner: owner) }
        let (today, groups) = (list.date, list.owners)
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
