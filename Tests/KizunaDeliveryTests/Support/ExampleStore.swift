import Foundation
import KizunaCore
import KizunaStore
import KizunaDelivery
import Logging

/// A store planned from the shipped example (configuration, customers, playbooks) in a
/// temporary folder, with helper files (scripts, outputs) beside it.
final class ExampleStore {
    /// Tuesday 2026-11-24, 09:30 in New York, the instant the store is planned at.
    static let tuesday = Instant(iso8601: "2026-11-24T09:30:00-05:00", defaultZone: .utc)!

    let folder: String
    var configuration: Configuration
    let store: Store

    init(now: Instant = ExampleStore.tuesday) throws {
        folder = NSTemporaryDirectory() + "kizuna-delivery-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        configuration = try ConfigurationLoader.load(path: repository.appendingPathComponent("examples/kizuna.yaml").path)
        configuration.stateDirectory = folder
        store = try Store(stateDirectory: folder)
        let customersFile = repository.appendingPathComponent("examples/customers.jsonl").path
        let customers = try CustomerRecord(teamZone: configuration.zone)
            .read(file: customersFile, reader: ImportReader(format: .jsonLines)).records
        try store.upsert(customers: customers, at: now)
        let (playbooks, problems) = PlaybookLoader.load(paths: [configuration.playbooksDirectory])
        guard problems.isEmpty else { throw DiagnosticList(problems) }
        let window = PlanningWindow(
            now: now, zone: configuration.zone, horizon: configuration.horizon, calendar: configuration.calendar)
        try PlanningRun(playbooks: playbooks, zone: configuration.zone, calendar: configuration.calendar, window: window)
            .run(on: store, now: now)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// A dispatcher over the store with the configuration as it is now.
    func dispatcher() -> ReminderDispatcherUnderTest {
        ReminderDispatcherUnderTest(store: store, configuration: configuration)
    }

    /// Writes an executable script into the folder and returns its path.
    func script(_ name: String, _ text: String) throws -> String {
        let path = folder + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    /// The lines of a file the test's programs append to, none when it does not exist.
    func lines(of name: String) -> [String] {
        guard let text = try? String(contentsOfFile: folder + "/" + name, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init)
    }

    /// Makes a recording channel (see `addRecordingChannel`) the default of every reminder.
    func sendRemindersToRecordingChannel(_ name: String) throws {
        try addRecordingChannel(name)
        configuration.delivery.defaultChannels = [name]
    }

    /// An `exec` channel named `name` running a script that appends one line per message
    /// to `name.out`: the recipient, the task, then the JSON it read on stdin. The line is
    /// written at once, so that programs running together do not mix their lines.
    func addRecordingChannel(_ name: String, exitStatus: Int = 0) throws {
        let path = try script(
            "\(name).sh",
            """
            #!/bin/sh
            line="$KIZUNA_KIND $KIZUNA_RECIPIENT ${KIZUNA_TASK:--} $(cat)"
            printf '%s\n' "$line" >> '\(folder)/\(name).out'
            exit \(exitStatus)
            """)
        configuration.delivery.channels[name] = ChannelSettings(name: name, kind: .exec(command: [path]), timeoutSeconds: 10)
    }
}

/// The dispatcher with a logger that keeps nothing, as the tests build it.
typealias ReminderDispatcherUnderTest = KizunaDelivery.ReminderDispatcher

extension KizunaDelivery.ReminderDispatcher {
    convenience init(store: Store, configuration: Configuration) {
        self.init(store: store, configuration: configuration, logger: Logger(label: "kizuna-tests", factory: { _ in SwiftLogNoOpLogHandler() }))
    }
}
