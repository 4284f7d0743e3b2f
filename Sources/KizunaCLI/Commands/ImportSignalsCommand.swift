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
            the store does not know) changes nothing unless --skip-invalid.
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
        let store = try StoreAccess.open(configuration, .write)
        let known = try storing { () throws(StoreError) in try store.customers(ids: Set(result.records.map(\.customer))) }
        result.reject(file: file) { known[$0.customer] == nil ? "field `customer`: no customer `\($0.customer)` in the store; import it first" : nil }
        let signals = try options.accepted(result, file: file)
        try storing { () throws(StoreError) in try store.insert(signals: signals) }
        print("Imported \(signals.count) signals from \(file)" + (result.rejected.isEmpty ? "" : "; \(result.rejected.count) rows skipped"))
    }
}
