import ArgumentParser
import Foundation
import KizunaCore

/// `kizuna cadence EXPR`: the next occurrences of a cadence, as `systemd-analyze calendar`
/// shows a timer's.
struct CadenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cadence",
        abstract: "Show the next occurrences of a cadence or an RRULE.",
        discussion: """
            EXPR is a cadence in Kizuna's words ("every 2 weeks on thursday at 15:00") or an RFC 5545 rule \
            ("RRULE:FREQ=MONTHLY;BYDAY=-1FR"). Business days follow the configured calendar when a \
            configuration is found, Monday to Friday otherwise.
            """)

    @OptionGroup var config: ConfigOption

    @Argument(help: ArgumentHelp("The cadence or RRULE.", valueName: "expr"))
    var expression: String

    @Option(help: ArgumentHelp("Where the cadence starts (its DTSTART), a local date-time in --tz. Default: now.", valueName: "datetime"))
    var start: String?

    @Option(help: ArgumentHelp("The IANA time zone. Default: the configured one, else the system's.", valueName: "zone"))
    var tz: String?

    @Option(help: "How many occurrences to show.")
    var count = 5

    @Flag(help: "Print a JSON array of ISO 8601 instants with their UTC offset.")
    var json = false

    func validate() throws {
        guard count > 0, count <= 100_000 else { throw ValidationError("--count must be between 1 and 100000") }
    }

    func run() throws {
        let configuration = try optionalConfiguration()
        let zone = try resolveZone(configured: configuration?.zone)
        let schedule: Schedule
        do {
            schedule = try Schedule.parse(expression)
        } catch {
            printError("error: \(error.description)")
            printError("  \(expression)")
            printError("  " + String(repeating: " ", count: error.offset) + "^")
            throw ExitCode(ExitStatus.invalidInput)
        }
        let startTime = try resolveStart(zone: zone)
        let startInstant = zone.instant(for: startTime)
        let context = ScheduleContext(zone: zone, calendar: configuration?.calendar ?? .standard, stageEntered: startInstant)
        let occurrences = Array(schedule.occurrences(from: startInstant, anchor: startTime, context: context).prefix(count))
        if json {
            try printJSON(occurrences.map { zone.iso8601($0.instant) })
            return
        }
        print("  Cadence: \(expression)")
        print("Time zone: \(zone.identifier)")
        print("    Start: \(startTime)")
        if occurrences.isEmpty { print("No occurrence.") }
        let width = String(occurrences.count).count
        for (index, occurrence) in occurrences.enumerated() {
            let number = String(index + 1).padding(toLength: width, withPad: " ", startingAt: 0)
            let utc = Zone.utc.localDateTime(at: occurrence.instant)
            print("  \(number)  \(TimeFormat.dayTimeAndOffset(occurrence.instant, in: zone))   (\(utc.date) \(utc.time) UTC)")
        }
    }

    /// The configuration when one is named or exists at the default path; `nil` when there is none.
    private func optionalConfiguration() throws -> Configuration? {
        let path = config.resolvedPath
        guard config.path != nil || ProcessInfo.processInfo.environment["KIZUNA_CONFIG"] != nil
            || FileManager.default.fileExists(atPath: path)
        else { return nil }
        do {
            return try ConfigurationLoader.load(path: path)
        } catch {
            throw fail(error.diagnostics)
        }
    }

    private func resolveZone(configured: Zone?) throws -> Zone {
        guard let tz else { return configured ?? .system }
        guard let zone = Zone.named(tz) else {
            throw fail([Diagnostic("--tz: unknown time zone `\(tz)`, expected an IANA name such as America/New_York")])
        }
        return zone
    }

    private func resolveStart(zone: Zone) throws -> LocalDateTime {
        guard let start else { return zone.localDateTime(at: try currentInstant(in: zone)) }
        guard let local = LocalDateTime(start) else {
            throw fail("--start: expected a local date-time such as 2026-12-01T09:00 or a date, found `\(start)`")
        }
        return local
    }
}
