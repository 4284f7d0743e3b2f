import Foundation
import GRDB
import KizunaCore
import KizunaStore
import Testing

@testable import KizunaDaemon

/// A reload that changed only playbooks plans only those: it must leave the store exactly as
/// planning everything again would.
@Suite("Planning only the playbooks a reload changed")
struct IncrementalPlanTests {
    static let zone = Zone.named("America/New_York")!
    static let first = Instant(iso8601: "2026-11-24T09:00:00-05:00", defaultZone: zone)!
    static let reload = Instant(iso8601: "2026-11-24T09:30:00-05:00", defaultZone: zone)!

    /// The shipped example's configuration and playbooks, with the customers' stored health
    /// (no health model) so that the `when: health < …` plays fire for some of them.
    static func example() throws -> Workspace {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var workspace = try Workspace.load(configPath: root.appendingPathComponent("examples/kizuna.yaml").path)
        workspace.health = nil
        return workspace
    }

    /// The example with three edits: the onboarding call moved to Wednesdays, the health-risk
    /// threshold raised (a `when:` play), and the renewal preparation removed.
    static func edited(_ workspace: Workspace) throws -> Workspace {
        var edited = workspace
        edited.playbooks = try workspace.playbooks.compactMap { playbook throws -> Playbook? in
            switch playbook.id {
            case "renewal-preparation": return nil
            case "onboarding-weekly": return try reread(playbook) { $0.replacingOccurrences(of: "on: tuesday", with: "on: wednesday") }
            case "health-risk": return try reread(playbook) { $0.replacingOccurrences(of: "when: health < 40", with: "when: health < 70") }
            default: return playbook
            }
        }
        return edited
    }

    private static func reread(_ playbook: Playbook, _ edit: (String) -> String) throws -> Playbook {
        let text = try String(contentsOfFile: playbook.file, encoding: .utf8)
        let changed = edit(text)
        #expect(changed != text, "the edit of \(playbook.file) applies")
        return try PlaybookLoader.load(file: playbook.file, text: changed)
    }

    /// Customers in every stage, with health spread over the red, amber and green.
    static let customers: [Customer] = (0..<60).map { index in
        let stages = ["onboarding", "adoption", "mature", "churned"]
        let entered = Instant(iso8601: "2026-10-01T00:00:00-04:00", defaultZone: zone)!.adding(seconds: Int64(index) * 86_400)
        return Customer(
            id: "customer-\(index)", name: "Customer \(index)", csm: "csm-\(index % 5)", teamLead: "lead", stage: stages[index % 4],
            stageEntered: entered, customerSince: entered, renewalDate: CivilDate("2027-01-01")!.adding(days: index),
            zone: index % 3 == 0 ? .named("Europe/Berlin") : nil, tier: index % 2 == 0 ? "enterprise" : "growth",
            arr: Double(10_000 * index), seats: 10 + index, health: Double(index * 37 % 100))
    }

    /// A new store in `folder` with the customers, planned with `workspace` at `first`.
    static func plannedStore(in folder: String, workspace: Workspace) throws -> Store {
        let store = try Store(stateDirectory: folder)
        _ = try store.upsert(customers: customers, at: first)
        var timer = PassTimer()
        _ = try workspace.plan(on: store, now: first, window: window(workspace, first), playbooks: nil, batchSizing: .fixed(7), timer: &timer) {
            false
        }
        return store
    }

    static func window(_ workspace: Workspace, _ now: Instant) -> PlanningWindow {
        PlanningWindow(now: now, zone: zone, horizon: workspace.configuration.horizon, calendar: workspace.configuration.calendar)
    }

    /// Every row a pass writes: tasks, their reminders and history (without the history's
    /// row ids, which follow the order of the writes), and the triggers' firings.
    static func rows(of folder: String) throws -> [String] {
        let queue = try DatabaseQueue(path: folder + "/" + Store.fileName)
        return try queue.read { db in
            try [
                "SELECT * FROM tasks ORDER BY id",
                "SELECT task, timing, recipient, instant, channel FROM reminders ORDER BY task, timing, recipient",
                "SELECT task, kind, actor, at, note FROM task_events ORDER BY task, kind, at, note",
            ].flatMap { sql in try Row.fetchAll(db, sql: sql).map(\.description) }
        } + (try Store(stateDirectory: folder).firings().map { "\($0)" }.sorted())
    }

    @Test func anEditedWhenPlayAndARemovedPlaybookLeaveTheStoreAsAFullPassWould() throws {
        let original = try Self.example()
        let edited = try Self.edited(original)
        let changed = try #require(edited.changedPlaybooks(since: original))
        #expect(changed == ["onboarding-weekly", "health-risk", "renewal-preparation"])
        try withTemporaryFolders { incremental, full in
            var timer = PassTimer()
            // The first pass's window: tasks of unchanged playbooks that come into the horizon
            // between two passes wait for the next full one (at midnight at the latest), so a
            // later window would differ by them, not by the edit.
            let window = Self.window(edited, Self.first)
            let partial = try Self.plannedStore(in: incremental, workspace: original).plan(
                edited, now: Self.reload, window: window, playbooks: changed, timer: &timer)
            let complete = try Self.plannedStore(in: full, workspace: original).plan(
                edited, now: Self.reload, window: window, playbooks: nil, timer: &timer)
            // The edits change the plan: tasks moved, created and cancelled, firings added.
            #expect(partial.created > 0 && partial.cancelled > 0, "\(partial)")
            #expect((partial.created, partial.updated, partial.cancelled) == (complete.created, complete.updated, complete.cancelled))
            let rows = try Self.rows(of: incremental)
            #expect(rows.contains { $0.contains("playbook removed") })
            #expect(rows == (try Self.rows(of: full)))
        }
    }

    @Test func onlyPlaybooksThatDifferCountAsChanged() throws {
        let original = try Self.example()
        #expect(original.changedPlaybooks(since: original) == [])
        var added = original
        added.playbooks.append(try PlaybookLoader.load(file: "extra.yaml", text: Self.extraPlaybook))
        #expect(added.changedPlaybooks(since: original) == ["extra-check"])
        var calendar = original
        calendar.configuration.horizon = CalendarSpan(60, .day)
        #expect(calendar.changedPlaybooks(since: original) == nil)
        var lifecycle = original
        lifecycle.lifecycle = .standard
        #expect(lifecycle.changedPlaybooks(since: original) == nil)
        // Only `when:` plays have triggers to evaluate.
        #expect(original.triggerEvaluation(of: ["onboarding-weekly"]) == nil)
        #expect(original.triggerEvaluation(of: ["health-risk", "onboarding-weekly"])?.playbooks.map(\.id) == ["health-risk"])
    }

    static let extraPlaybook = """
        kizuna: 1
        playbook: extra-check
        title: Extra check
        cadence:
          every: month
        task:
          title: "Check {{ customer.name }}"
        """
}

extension Store {
    /// A pass of `workspace` over this store.
    fileprivate func plan(
        _ workspace: Workspace, now: Instant, window: PlanningWindow, playbooks: Set<String>?, timer: inout PassTimer
    ) throws -> MaterializationResult {
        try workspace.plan(on: self, now: now, window: window, playbooks: playbooks, batchSizing: .fixed(7), timer: &timer) { false }.result
    }
}

/// Runs `body` with two new empty folders, removed afterwards.
private func withTemporaryFolders(_ body: (String, String) throws -> Void) throws {
    let folders = (0..<2).map { _ in NSTemporaryDirectory() + "kizuna-daemon-tests-" + UUID().uuidString }
    for folder in folders { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
    defer { for folder in folders { try? FileManager.default.removeItem(atPath: folder) } }
    try body(folders[0], folders[1])
}
