import GRDB
import KizunaCore
import Testing

@testable import KizunaStore

/// The digest of each task's plan, which lets a pass skip the tasks already following their plan.
@Suite("Plan digests")
struct PlanDigestTests {
    let plan = [Sample.task("acme", day: 1), Sample.task("acme", day: 8), Sample.task("beta", day: 2, owner: "ren")]

    @Test("the digest is pinned: every process and version computes the same")
    func pinned() {
        #expect(plan[0].planDigest == -4_526_157_506_970_827_433)
    }

    @Test("each field a pass writes changes the digest; the identity does not enter it")
    func coversWhatAPassWrites() {
        let task = plan[0]
        let changes: [(String, (inout PlannedTask) -> Void)] = [
            ("title", { $0.title = "Renamed" }), ("owner", { $0.owner = "ren" }), ("priority", { $0.priority = .low }),
            ("start", { $0.start = $0.start.adding(seconds: 60) }), ("due", { $0.due = $0.due.adding(seconds: 60) }),
            ("zone", { $0.zone = Zone.named("Asia/Tokyo") ?? .utc }), ("checklist", { $0.checklist.append("Send notes") }),
            ("checklist split", { $0.checklist = ["Review the", "success plan"] }),
            ("reminder instant", { $0.reminders[0].instant = $0.reminders[0].instant.adding(seconds: 60) }),
            ("reminder recipient", { $0.reminders[0].recipient = "lead" }),
            ("reminder timing", { $0.reminders[0].timing = .overdue(CalendarSpan(1, .day)) }),
            ("reminder channel", { $0.reminders[0].channel = "mail" }), ("reminder added", { $0.reminders.append($0.reminders[0]) }),
        ]
        var digests: Set<Int64> = [task.planDigest]
        for (field, change) in changes {
            var changed = task
            change(&changed)
            #expect(digests.insert(changed.planDigest).inserted, "\(field)")
        }
        var other = task
        other.id = plan[1].id
        other.occurrence = plan[1].occurrence
        #expect(other.planDigest == task.planDigest)
    }

    @Test("a task whose digest is its plan's is not read again; without a digest it is compared in full")
    func skipsOnlyOnAMatchingDigest() throws {
        try withStore { store in
            try store.materialize(plan)
            try DatabaseQueue(path: store.path).write { db in
                try db.execute(sql: "UPDATE tasks SET title = 'Changed behind the plan' WHERE id IN (?, ?)", arguments: [plan[0].id.hex, plan[1].id.hex])
                try db.execute(sql: "UPDATE tasks SET plan_digest = NULL WHERE id = ?", arguments: [plan[1].id.hex])
            }
            let result = try store.materialize(plan, now: Sample.at(day: 1))
            #expect(result == MaterializationResult(updated: 1, unchanged: 2))
            #expect(try store.task(id: plan[0].id)?.title == "Changed behind the plan")
            #expect(try store.task(id: plan[1].id)?.title == "Follow-up: acme")
            #expect(try store.history(task: plan[1].id).last?.note == "title changed")
            #expect(try digests(store) == Dictionary(uniqueKeysWithValues: plan.map { ($0.id.hex, $0.planDigest) }))
        }
    }

    @Test("a changed reminder alone updates the task's reminders and digest, and only once")
    func reminderChange() throws {
        try withStore { store in
            try store.materialize(plan)
            var changed = plan
            changed[0].reminders[0].instant = changed[0].reminders[0].instant.adding(seconds: -3600)
            changed[1].reminders = []
            let result = try store.materialize(changed, now: Sample.at(day: 1))
            #expect(result == MaterializationResult(updated: 2, unchanged: 1))
            #expect(try store.reminders(of: plan[0].id).map(\.instant) == [changed[0].reminders[0].instant])
            #expect(try store.reminders(of: plan[1].id).isEmpty)
            for task in changed.prefix(2) {
                #expect(try store.history(task: task.id).map(\.kind) == [.created, .updated])
                #expect(try store.history(task: task.id).last?.note == "reminders changed")
            }
            #expect(try digests(store)[plan[0].id.hex] == changed[0].planDigest)
            #expect(try store.materialize(changed, now: Sample.at(day: 2)) == MaterializationResult(unchanged: 3))
        }
    }

    @Test("tasks an older version stored are compared in full once, then get their digest")
    func upgradedStore() throws {
        try withOlderStore(migratedUpTo: "v6-planning-speed") { db in
            for task in plan { try Self.insertAsVersion6(task, in: db) }
        } _: { path in
            let store = try Store(path: path)
            var changed = plan
            changed[1].title = "Renamed follow-up"
            changed[2].due = changed[2].due.adding(seconds: 3600)
            let preview = try store.preview(
                planned: changed, from: Sample.monday, to: Sample.at(day: 28), customers: ["acme", "beta"], reasons: { _ in "" })
            #expect(preview.updated.map(\.id) == [plan[1].id] && preview.moved.map(\.task.id) == [plan[2].id])
            #expect(try digests(store).values.allSatisfy { $0 == nil })

            let result = try store.materialize(changed, now: Sample.at(day: 1))
            #expect(result == MaterializationResult(updated: 2, unchanged: 1))
            #expect(try store.history(task: plan[0].id).map(\.kind) == [.created])
            #expect(try store.history(task: plan[1].id).last?.note == "title changed")
            #expect(try store.history(task: plan[2].id).last?.kind == .moved)
            #expect(try digests(store) == Dictionary(uniqueKeysWithValues: changed.map { ($0.id.hex, $0.planDigest) }))
            #expect(try store.materialize(changed, now: Sample.at(day: 2)) == MaterializationResult(unchanged: 3))
        }
    }

    /// Each stored task's plan digest, by id.
    private func digests(_ store: Store) throws -> [String: Int64?] {
        try DatabaseQueue(path: store.path).read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, plan_digest FROM tasks").map { ($0["id"], $0["plan_digest"]) })
        }
    }

    /// Stores `task` open with its reminders as `v6-planning-speed` did, without a digest.
    private static func insertAsVersion6(_ task: PlannedTask, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO tasks (id, playbook, step, customer, occurrence, title, owner, priority, start, due, zone, state,
                    checklist, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)
                """,
            arguments: [
                task.id.hex, task.playbook, task.step, task.customer, task.occurrence, task.title, task.owner, task.priority.rawValue,
                task.start.secondsSinceEpoch, task.due.secondsSinceEpoch, task.zone.identifier, JSONColumn.encode(task.checklist),
                Sample.monday.secondsSinceEpoch, Sample.monday.secondsSinceEpoch,
            ])
        for reminder in task.reminders {
            try ReminderRow(reminder, of: task.id).insert(db)
        }
    }
}
