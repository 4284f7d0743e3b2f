import KizunaCore
import KizunaStore
import Testing

@Suite("Queries")
struct QueryTests {
    @Test("a unique prefix finds its task; short, unknown and shared prefixes are errors")
    func prefixes() throws {
        let (first, second) = Self.tasksSharingAPrefix()
        let other = Sample.task("acme", day: 3)
        try withStore { store in
            try store.materialize([first, second, other])
            #expect(try store.task(prefix: other.id.short).id == other.id)
            #expect(try store.task(prefix: other.id.hex.uppercased()).id == other.id)

            let shared = String(first.id.hex.prefix(4))
            let ambiguous = #expect(throws: StoreError.self) { try store.task(prefix: shared) }
            #expect(ambiguous?.code == .ambiguousID)
            #expect(ambiguous?.message.contains(first.id.hex) == true)
            #expect(ambiguous?.message.contains(second.id.hex) == true)

            #expect((#expect(throws: StoreError.self) { try store.task(prefix: "abc") })?.code == .invalidInput)
            #expect((#expect(throws: StoreError.self) { try store.task(prefix: "xyz0") })?.code == .invalidInput)
            let unknown = ["0000", "ffff"].first { prefix in ![first, second, other].contains { $0.id.hex.hasPrefix(prefix) } }!
            #expect((#expect(throws: StoreError.self) { try store.task(prefix: unknown) })?.code == .notFound)
        }
    }

    /// Two tasks whose ids share their first four digits (found among a few hundred customers).
    static func tasksSharingAPrefix() -> (PlannedTask, PlannedTask) {
        var seen: [Substring: PlannedTask] = [:]
        for index in 0... {
            let task = Sample.task("customer-\(index)", day: 2)
            if let earlier = seen[task.id.hex.prefix(4)] { return (earlier, task) }
            seen[task.id.hex.prefix(4)] = task
        }
        fatalError("unreachable")
    }

    @Test("open tasks are the pending ones due before the instant, of the effective owner, by due")
    func openTasks() throws {
        let plan = [
            Sample.task("acme", day: 2), Sample.task("beta", day: 1), Sample.task("gamma", day: 1, owner: "ren"),
            Sample.task("acme", day: 9),
        ]
        try withStore { store in
            try store.materialize(plan)
            try store.complete(plan[1].id, note: nil, at: Sample.at(day: 1), actor: "aiko")
            try store.assign(plan[2].id, to: "aiko", note: nil, at: Sample.at(day: 1), actor: "ren")
            let mine = try store.openTasks(dueBefore: Sample.at(day: 7), owner: "aiko")
            #expect(mine.map(\.id) == [plan[2].id, plan[0].id])
            #expect(try store.openTasks(dueBefore: Sample.at(day: 7), owner: "ren").isEmpty)
            #expect(try store.openTasks(dueBefore: Sample.at(day: 30), owner: nil).count == 3)
        }
    }

    @Test("upcoming lists pending tasks starting in the period, a snooze moving the start")
    func upcoming() throws {
        let plan = [Sample.task("acme", day: 1), Sample.task("beta", day: 3, owner: "ren"), Sample.task("acme", day: 12)]
        try withStore { store in
            try store.materialize(plan)
            try store.snooze(plan[0].id, until: Sample.at(day: 8), reason: nil, at: Sample.monday, actor: "aiko")
            #expect(try store.upcoming(from: Sample.monday, to: Sample.at(day: 7), owner: nil).map(\.id) == [plan[1].id])
            #expect(try store.upcoming(from: Sample.at(day: 7), to: Sample.at(day: 14), owner: "aiko").map(\.id) == [plan[0].id, plan[2].id])
            #expect(try store.upcoming(from: Sample.at(day: 7), to: Sample.at(day: 14), owner: "aiko", limit: 1).map(\.id) == [plan[0].id])
        }
    }

    @Test("a list of tasks gives each the checklist it was planned with, shared or its own")
    func listedChecklists() throws {
        let plan = (0..<6).map { number in
            var task = Sample.task("c\(number)", day: number)
            task.checklist = number.isMultiple(of: 3) ? [] : ["Step \(number % 2)", "Send notes"]
            return task
        }
        try withStore { store in
            try store.materialize(plan)
            let listed = try store.upcoming(from: Sample.monday, to: Sample.at(day: 7), owner: nil)
            #expect(listed.map(\.checklist) == plan.map(\.checklist))
        }
    }

    @Test("the timeline interleaves stage changes and task events by instant")
    func timeline() throws {
        try withStore { store in
            try store.upsert(customers: [Sample.customer("acme")], at: Sample.monday)
            let task = Sample.task("acme", day: 1)
            try store.materialize([task])
            try store.setStage(customerID: "acme", stage: "adoption", at: Sample.at(day: 2), cause: "onboarding done")
            try store.complete(task.id, note: "kick-off held", at: Sample.at(day: 3), actor: "aiko")
            let entries = try store.timeline(customer: "acme").map { entry -> String in
                switch entry.kind {
                case .stageChanged(let stage, let cause): "stage \(stage) (\(cause))"
                case .task(let event, let title): "\(event.kind.rawValue) \(title)"
                }
            }
            #expect(
                entries == [
                    "stage onboarding (import)", "created Follow-up: acme", "stage adoption (onboarding done)",
                    "done Follow-up: acme",
                ])
        }
    }

    @Test("completions tell the planner when each done task was done")
    func completions() throws {
        let plan = [Sample.task("acme", day: 1), Sample.task("acme", day: 8), Sample.task("beta", day: 1)]
        try withStore { store in
            try store.materialize(plan)
            try store.complete(plan[0].id, note: nil, at: Sample.at(day: 1, hour: 15), actor: "aiko")
            try store.complete(plan[1].id, note: nil, at: Sample.at(day: 8, hour: 11), actor: "aiko")
            try store.skip(plan[2].id, reason: "no", at: Sample.at(day: 1), actor: "aiko")
            let completions = try store.completions(customers: ["acme", "beta"], playbooksDatedByTask: ["onboarding-weekly"])
            #expect(completions.byTask == [plan[0].id: Sample.at(day: 1, hour: 15), plan[1].id: Sample.at(day: 8, hour: 11)])
            #expect(completions.latest(playbook: "onboarding-weekly", customer: "acme") == Sample.at(day: 8, hour: 11))
            #expect(completions.latest(playbook: "onboarding-weekly", customer: "beta") == nil)
        }
    }

    @Test("counts cover every table and every state")
    func counts() throws {
        try withStore { store in
            try store.upsert(customers: [Sample.customer("acme")], at: Sample.monday)
            try store.materialize([Sample.task("acme", day: 1), Sample.task("acme", day: 2)])
            try store.pause(playbook: "onboarding-weekly", customer: "acme", until: Sample.at(day: 2), reason: nil, at: Sample.monday, actor: "aiko")
            let counts = try store.counts()
            #expect(counts.customers == 1 && counts.signals == 0 && counts.reminders == 2 && counts.pauses == 1)
            #expect(counts.tasks == [.open: 1, .cancelled: 1, .done: 0, .skipped: 0, .snoozed: 0])
        }
    }
}
