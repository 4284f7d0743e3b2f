import Foundation
import ArgumentParser
import KizunaCore
import KizunaStore

/// `kizuna upcoming`: the tasks of the coming days, day by day, from the store.
struct UpcomingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upcoming",
        abstract: "List the tasks that start in the coming days, day by day.",
        discussion: "Tomorrow and the days after it, in the team's time zone; `today` lists today's.")

    @OptionGroup var config: ConfigOption

    @Option(help: ArgumentHelp("How many days to show.", valueName: "n"))
    var days = 7

    @Option(help: ArgumentHelp("Only this owner's tasks.", valueName: "name"))
    var owner: String?

    @Flag(help: "Print JSON for scripts.")
    var json = false

    func validate() throws {
        guard days >= 1 else { throw ValidationError("--days must be at least 1") }
    }

    func run() throws {
        let configuration = try config.load()
        let zone = configuration.zone
        let now = try currentInstant(in: zone)
        let first = zone.localDateTime(at: now).date.adding(days: 1)
        let last = first.adding(days: days - 1)
        let from = zone.instant(for: LocalDateTime(date: first))
        let to = zone.instant(for: LocalDateTime(date: last.adding(days: 1)))
        let store = try StoreAccess.open(configuration, .read)
        let (tasks, customers) = try storing { () throws(StoreError) in
            let tasks = try store.upcoming(from: from, to: to, owner: owner)
            return (tasks, try store.customers(ids: Set(tasks.map(\.customer))))
        }
        let reports = tasks.map { TaskReport($0, customer: customers[$0.customer], now: now) }
        if json {
            try printJSON(UpcomingJSON(from: first.description, to: last.description, timezone: zone.identifier, tasks: reports))
            return
        }
        let style = Style.terminal
        print(style.bold("Upcoming, \(first) to \(last) (\(zone.identifier))"))
        if reports.isEmpty { print("Nothing planned. Run `kizuna plan` to plan the horizon.") }
        var day: CivilDate?
        for (task, report) in zip(tasks, reports) {
            let local = zone.localDateTime(at: task.start)
            if local.date != day {
                day = local.date
                print("")
                print(style.bold("\(local.date.weekday.name.prefix(3).capitalized) \(local.date)"))
            }
            let owner = report.owner.padding(toLength: 10, withPad: " ", startingAt: 0)
            print("  \(style.cyan(report.shortID))  \(local.time)  \(owner) \(report.title)")
        }
    }
}

private struct UpcomingJSON: Encodable {
    let from: String
    let to: String
    let timezone: String
    let tasks: [TaskReport]
}
