import Foundation
import KizunaCore
import KizunaStore

/// What every command acting on one task needs: the store, the clock, the task its id
/// prefix names, and who acts.
struct TaskAction {
    let configuration: Configuration
    let store: Store
    let now: Instant
    let task: StoredTask

    /// Opens the store and finds the task `prefix` names (exit 2 when none or several do).
    init(_ config: ConfigOption, prefix: String) throws {
        configuration = try config.load()
        now = try currentInstant(in: configuration.zone)
        let store = try StoreAccess.open(configuration, .write)
        self.store = store
        task = try storing { () throws(StoreError) in try store.task(prefix: prefix) }
    }

    /// Who acts, as recorded in the task's history: `KIZUNA_ACTOR`, else the login name.
    var actor: String { Self.actor }

    static var actor: String {
        let environment = ProcessInfo.processInfo.environment
        return [environment["KIZUNA_ACTOR"], environment["USER"], environment["LOGNAME"]].compactMap { $0 }.first { !$0.isEmpty }
            ?? "someone"
    }

    /// Reads `--until`/`--at` text in the team's zone (exit 1 with the accepted forms when unreadable).
    func instant(_ text: String, option: String) throws -> Instant {
        try parseWhen(text, option: option, now: now, zone: configuration.zone)
    }

    /// Applies `action` and prints what it did: `f8616db done: Onboarding follow-up: Acme Corp`.
    func perform(_ verb: String, details: String? = nil, _ action: (Store) throws(StoreError) -> StoredTask) throws {
        let task = try storing { () throws(StoreError) in try action(store) }
        print("\(task.id.short) \(verb): \(task.title)" + (details.map { " (\($0))" } ?? ""))
    }
}

/// The instant `text` names for `option`, or a failure that lists the accepted forms.
func parseWhen(_ text: String, option: String, now: Instant, zone: Zone) throws -> Instant {
    do {
        return try WhenParser.instant(text, now: now, zone: zone)
    } catch {
        throw fail([Diagnostic("\(option): \(error.message)", hint: error.hint)])
    }
}
