import Foundation
import ArgumentParser
import KizunaCore
import KizunaStore

/// `kizuna plan`: one planning pass, the one the daemon makes, writing the horizon's tasks to
/// the store; with `--diff`, what a pass would change, written nowhere.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan the coming horizon: store the tasks the playbooks owe, cancel those they no longer do.",
        discussion: """
            Plans every customer of the store from today to the configured horizon, with the playbooks and the tasks \
            already done. First it recomputes each customer's health (health.yaml), applies the lifecycle's due \
            transitions (lifecycle.yaml) and evaluates the `when:` plays' conditions: a play fires when its condition \
            becomes true, and its task is planned for that day. Running it again changes nothing; done, skipped and cancelled tasks are never touched. \
            `plan --diff` shows the stage changes and trigger firings the evaluation would record, and the tasks a \
            pass would create, move, update and cancel compared with the store, and changes nothing; with \
            `--playbooks DIR`, planned with the playbooks in DIR: run it before deploying an edit. \
            Customers are written in transactions of about a second each (5000 customers first, then as many as \
            the last write suggests); `KIZUNA_PLAN_BATCH_SIZE` pins the number of customers per transaction.
            """)

    @OptionGroup var config: ConfigOption

    @Flag(help: "Show what planning would change, and change nothing.")
    var diff = false

    @Option(help: ArgumentHelp("Plan with the playbooks in this folder instead of the configured one.", valueName: "dir"))
    var playbooks: String?

    @Flag(help: "With --diff, print JSON for scripts.")
    var json = false

    func validate() throws {
        if json, !diff { throw ValidationError("--json goes with --diff") }
    }

    func run() throws {
        let workspace = try Workspace.load(config, playbooksDirectory: playbooks)
        let configuration = workspace.configuration
        let zone = configuration.zone
        let now = try currentInstant(in: zone)
        let window = PlanningWindow(now: now, zone: zone, horizon: configuration.horizon, calendar: configuration.calendar)
        var run = PlanningRun(playbooks: workspace.playbooks, zone: zone, calendar: configuration.calendar, window: window)
        if let size = try Self.batchSize(environment: ProcessInfo.processInfo.environment) { run.batchSizing = .fixed(size) }
        let period = "\(zone.localDateTime(at: window.from).date) to \(zone.localDateTime(at: window.to).date)"
        if diff {
            let store = try StoreAccess.open(configuration, .read)
            let evaluation = try storing { () throws(StoreError) in try workspace.evaluation.evaluate(on: store, now: now, record: false) }
            run.pendingFirings = evaluation.firings
            run.pendingStageChanges = evaluation.stageChanges
            let preview = try storing { () throws(StoreError) in try run.preview(on: store) }
            let moving = try storing { () throws(StoreError) in
                try store.customers(ids: Set(evaluation.stageChanges.map(\.customer)))
            }
            let report = PlanDiffReport(preview, evaluation: evaluation, stages: moving.mapValues(\.stage), zone: zone)
            json ? try printJSON(report) : report.print(style: .terminal, heading: "Planning \(period) would:")
            return
        }
        let store = try StoreAccess.open(configuration, .bulkWrite)
        // The customers are read once: evaluated, then planned as the evaluation left them.
        let progress = Progress(label: "Planning", unit: "customers")
        let (result, _) = try storing { () throws(StoreError) in
            try run.run(
                on: store, now: now,
                evaluatingWith: { customers throws(StoreError) in
                    let evaluation = try workspace.evaluation.evaluate(&customers, on: store, now: now)
                    if workspace.health != nil || !evaluation.stageChanges.isEmpty || !evaluation.triggers.isEmpty {
                        print(
                            "Evaluated: \(evaluation.scored) health scores, \(evaluation.stageChanges.count) stage changes, "
                                + "\(evaluation.firings.count) triggers fired")
                    }
                }, progress: progress.update)
        }
        progress.finish()
        print(
            "Planned \(period): \(result.created) created, \(result.updated) updated, \(result.cancelled) cancelled, "
                + "\(result.unchanged) unchanged, \(result.paused) paused")
    }

    /// The environment variable giving how many customers a pass writes per transaction.
    static let batchSizeVariable = "KIZUNA_PLAN_BATCH_SIZE"

    /// `KIZUNA_PLAN_BATCH_SIZE`, a whole number of customers, 1 or more; `nil` when unset.
    static func batchSize(environment: [String: String]) throws -> Int? {
        guard let text = environment[batchSizeVariable] else { return nil }
        guard let size = Int(text), size > 0 else {
            throw ValidationError("\(batchSizeVariable): expected a whole number of customers, 1 or more, found `\(text)`")
        }
        return size
    }
}
