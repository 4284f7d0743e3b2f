import ArgumentParser
import Foundation
import KizunaCore
import KizunaStore

/// `kizuna export`: the store's tasks in other tools' formats.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export the store's tasks for other tools.", subcommands: [ExportICSCommand.self])
}

/// `kizuna export ics [--owner NAME] [--days N] [--output FILE]`.
struct ExportICSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ics",
        abstract: "Write the pending tasks as an iCalendar (RFC 5545) file for Google Calendar, Outlook or Thunderbird.",
        discussion: """
            One event per open or snoozed task, overdue ones included, that starts before the end of the Nth day \
            after today (in the team's time zone): 30 minutes at the task's start, with the customer, due, \
            priority and checklist in its description. Each event's UID is the task's id, so importing a newer \
            export again updates the events instead of duplicating them.
            """)

    @OptionGroup var config: ConfigOption

    @Option(help: ArgumentHelp("Only this owner's tasks.", valueName: "name"))
    var owner: String?

    @Option(help: ArgumentHelp("How many days after today to include.", valueName: "n"))
    var days = CalendarExportSettings.defaultDays

    @Option(help: ArgumentHelp("Write to this file (replaced atomically) instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        guard days >= 0 else { throw ValidationError("--days must be 0 or more") }
    }

    func run() throws {
        let configuration = try config.load()
        let zone = configuration.zone
        let now = try currentInstant(in: zone)
        let store = try StoreAccess.open(configuration, .read)
        let text = try storing { () throws(StoreError) in try store.calendar(owner: owner, days: days, now: now, zone: zone) }
        guard let output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw fail("cannot write `\(output)`: \(error.localizedDescription)")
        }
    }
}
