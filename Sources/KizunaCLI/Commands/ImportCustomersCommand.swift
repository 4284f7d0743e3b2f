import ArgumentParser
import KizunaCore
import KizunaStore

/// `kizuna import customers [FILE]`: upsert customers by id, all of the file or nothing.
struct ImportCustomersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customers",
        abstract: "Import customers (CSV or JSON lines) into the store, by id.",
        discussion: """
            Every row is checked and every bad row is listed with its row, column and reason; a file with a bad \
            row changes nothing unless --skip-invalid. New customers are added, known ones updated, and a changed \
            stage is recorded in the customer's history. The file is written in one transaction, each part as soon \
            as it is checked. \
            Without FILE, the configuration's `customers` file is read.
            """)

    @OptionGroup var config: ConfigOption
    @OptionGroup var options: ImportOptions

    func run() throws {
        let configuration = try config.load()
        guard let file = options.file ?? configuration.customersFile else {
            throw fail("no file to import: name one, or set `customers:` in \(configuration.file)")
        }
        let now = try currentInstant(in: configuration.zone)
        let reader = try options.reader(for: file, configured: configuration.importColumns.customers)
        let progress = Progress(label: "Reading", unit: "rows")
        // Each chunk is written on the other core while the next one is read on this one.
        let writer = ImportWriter<Customer, CustomerImportResult>(skipInvalid: options.skipInvalid) { next in
            try StoreAccess.open(configuration, .write).upsert(customerChunks: next, at: now)
        }
        let result: ImportResult<Customer>
        do {
            result = try CustomerRecord(teamZone: configuration.zone).read(
                file: file, reader: reader, parts: 1, progress: progress.update, chunk: writer.take)
        } catch {
            throw fail(error.diagnostics)
        }
        progress.finish()
        let customers: [Customer]
        do {
            customers = try options.accepted(result, file: file)
        } catch {
            writer.abandon()
            throw error
        }
        let counts = try writer.finish()
        print(
            "Imported \(customers.count) customers from \(file): \(counts.inserted) new, \(counts.updated) updated "
                + "(\(counts.stageChanges) stage changes), \(counts.unchanged) unchanged"
                + (result.rejected.isEmpty ? "" : "; \(result.rejected.count) rows skipped"))
    }
}
