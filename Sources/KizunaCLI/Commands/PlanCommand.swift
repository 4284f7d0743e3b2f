import ArgumentParser
import KizunaCore
import KizunaStore

/// `kizuna plan`: one planning pass, the one the daemon makes, writing the horizon's tasks to the store.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan the coming horizon: store the tasks the playbooks owe, cancel those they no longer do.",
        discussion: """
            Plans every customer of the store from today to the configured horizon, with the playbooks and the tasks \
            already done. Running it again changes nothing; done, skipped and cancelled tasks are never touched.
            """)

    @OptionGroup var config: ConfigOption

    func run() throws {
        let workspace = try Workspace.load(config)
        let configuration = workspace.configuration
        let now = try currentInstant(in: configuration.zone)
        let window = PlanningWindow(now: now, zone: configuration.zone, horizon: configuration.horizon, calendar: configuration.calendar)
        let run = PlanningRun(playbooks: workspace.playbooks, zone: configuration.zone, calendar: configuration.calendar, window: window)
        let store = try StoreAccess.open(configuration, .write)
        let progress = Progress(label: "Planning", unit: "customers")
        let result = try storing { () throws(StoreError) in try run.run(on: store, now: now, progress: progress.update) }
        progress.finish()
        let zone = configuration.zone
        print(
            "Planned \(zone.localDateTime(at: window.from).date) to \(zone.localDateTime(at: window.to).date): "
                + "\(result.created) created, \(result.updated) updated, \(result.cancelled) cancelled, "
                + "\(result.unchanged) unchanged, \(result.paused) paused")
    }
}
