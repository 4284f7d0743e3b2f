import ArgumentParser
import KizunaCore
import KizunaStore

/// `kizuna import customers [FILE]`: upsert customers by id, all of the file or nothing.
struct ImportCustomersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customers",
        abstract: "Import customers (JSON lines) into the store, by id.",
        discussion: """
            Every row is checked first; a file with a bad row changes nothing. New customers are added, \
            known ones updated, and a changed stage is recorded in the customer's history.
            """)

    @OptionGroup var config: ConfigOption

    @Argument(help: ArgumentHelp("The file to import (default: the configuration's `customers`).", valueName: "file"))
    var file: String?

    func run() throws {
        let configuration = try config.load()
        guard let file = file ?? configuration.customersFile else {
            throw fail("no file to import: name one, or set `customers:` in \(configuration.file)")
        }
        let now = try currentInstant(in: configuration.zone)
        let customers: [Customer]
        do {
            customers = try CustomerFile.load(path: file, record: CustomerRecord(teamZone: configuration.zone))
        } catch {
            throw fail(error.diagnostics)
        }
        let store = try StoreAccess.open(configuration, .write)
        let result = try storing { () throws(StoreError) in try store.upsert(customers: customers, at: now) }
        print(
            "Imported \(customers.count) customers from \(file): \(result.inserted) new, \(result.updated) updated "
                + "(\(result.stageChanges) stage changes), \(result.unchanged) unchanged")
    }
}
