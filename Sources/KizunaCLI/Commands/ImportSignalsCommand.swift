import Foundation
import ArgumentParser
import KizunaCore
import KizunaStore

/// `kizuna import signals FILE`: record health signals, all of the file or nothing.
struct ImportSignalsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signals",
        abstract: "Import health signals (customer, metric, value, date) into the store.",
        discussion: """
            Rows are CSV with a header row or JSON lines, with the fields customer, metric, value and date. A value \
            for the same customer, metric and instant replaces the stored one. A file with a bad row (or a customer \
            the store does not know, a metric the health model does not name, a date in the future) changes nothing \
            unless --skip-invalid. With a health model (health.yaml), the customers' scores are recomputed.
            """)

    @OptionGroup var config: ConfigOption
    @OptionGroup var options: ImportOptions

    func validate() throws {
        guard options.file != nil else { throw ValidationError("name the file to import") }
    }

    func run() throws {
        let configuration = try config.load()
        let file = options.file ?? ""
        let reader = try options.reader(for: file, configured: configuration.importColumns.signals)
        var result: ImportResult<Signal>
        do {
            result = try SignalRecord(teamZone: configuration.zone).read(file: file, reader: reader)
        } catch {
            throw fail(error.diagnostics)
        }
        let (health, lifecycle) = try Workspace.models(beside: configuration)
        let now = try currentInstant(in: configuration.zone)
        let store = try StoreAccess.open(configuration, .write)
        let known = try storing { () throws(StoreError) in try store.customers(ids: Set(result.records.map(\.customer))) }
        result.map { signal in signal.dated(in: known[signal.customer]?.zone ?? configuration.zone) }
        result.reject(file: file) { signal in
            if known[signal.customer] == nil { return "field `customer`: no customer `\(signal.customer)` in the store; import it first" }
            if let metrics = health?.knownMetrics, !metrics.contains(signal.metric) {
                let hint = closestMatch(to: signal.metric, among: metrics).map { " (did you mean `\($0)`?)" } ?? ""
                return "field `metric`: unknown metric `\(signal.metric)`, the health model names \(metrics.sorted().joined(separator: ", "))\(hint)"
            }
            if signal.instant > now { return "field `date`: \(signal.day?.description ?? configuration.zone.iso8601(signal.instant)) is in the future" }
            return nil
        }
        let signals = try options.accepted(result, file: file)
        try storing { () throws(StoreError) in try store.insert(signals: signals) }
        let evaluation = CustomerEvaluation(
            playbooks: [], health: health, lifecycle: lifecycle, zone: configuration.zone, calendar: configuration.calendar)
        let scored = try storing { () throws(StoreError) in
            try evaluation.recomputeHealth(on: store, now: now, only: Set(signals.map(\.customer)))
        }
        print(
            "Imported \(signals.count) signals from \(file)" + (result.rejected.isEmpty ? "" : "; \(result.rejected.count) rows skipped")
                + (health == nil ? "" : "; health recomputed for \(scored) customers"))
    }
}
