import KizunaCore
import KizunaStore
import Testing

@Suite("Task actions")
struct ActionTests {
    let plan = [Sample.task("acme", day: 1), Sample.task("acme", day: 8)]

    @Test("complete, skip, snooze and assign change the task and record who, when and why")
    func actionsAndHistory() throws {
        try withStore { store in
            try store.materialize(plan)
            let done = try store.complete(plan[0].id, note: "agreed next steps", at: Sample.at(day: 1, hour: 12), actor: "aiko")
            #expect(done.state == .done && done.note == "agreed next steps" && done.closedAt == Sample.at(day: 1, hour: 12))
            #expect(
                try store.history(task: plan[0].id).last
                    == TaskEvent(task: plan[0].id, kind: .done, actor: "aiko", at: Sample.at(day: 1, hour: 12), note: "agreed next steps"))

            let assigned = try store.assign(plan[1].id, to: "ren", note: "aiko is away", at: Sample.at(day: 2), actor: "lead")
            #expect(assigned.owner == "ren" && assigned.plannedOwner == "aiko")
            let snoozed = try store.snooze(plan[1].id, until: Sample.at(day: 10), reason: nil, at: Sample.at(day: 3), actor: "ren")
            #expect(snoozed.state == .snoozed && snoozed.start == Sample.at(day: 10))
            let skipped = try store.skip(plan[1].id, reason: "covered in the QBR", at: Sample.at(day: 4), actor: "ren")
            #expect(skipped.state == .skipped && skipped.snoozedUntil == nil)
            let notes = try store.history(task: plan[1].id).map { "\($0.kind.rawValue) \($0.actor): \($0.note ?? "")" }
            #expect(
                notes == [
                    "created kizuna: ", "assigned lead: from aiko to ren: aiko is away",
                    "snoozed ren: until 2027-01-14T00:00:00+00:00", "skipped ren: covered in the QBR",
                ])
        }
    }

    @Test("closed tasks refuse further actions with a message that says why")
    func invalidTransitions() throws {
        try withStore { store in
            try store.materialize(plan)
            try store.materialize([plan[1]], now: Sample.at(day: 1))  // cancels the first
            let error = #expect(throws: StoreError.self) {
                try store.complete(plan[0].id, note: nil, at: Sample.at(day: 2), actor: "aiko")
            }
            #expect(error?.code == .invalidTransition)
            #expect(
                error?.message
                    == "task \(plan[0].id.short) “Follow-up: acme” is cancelled since 2027-01-05T00:00:00+00:00 (playbook removed); "
                    + "only open or snoozed tasks can be completed")

            try store.complete(plan[1].id, note: nil, at: Sample.at(day: 2), actor: "aiko")
            for action in [
                { try store.complete(plan[1].id, note: nil, at: Sample.at(day: 3), actor: "aiko") },
                { try store.skip(plan[1].id, reason: "x", at: Sample.at(day: 3), actor: "aiko") },
                { try store.assign(plan[1].id, to: "ren", note: nil, at: Sample.at(day: 3), actor: "aiko") },
                { try store.snooze(plan[1].id, until: Sample.at(day: 9), reason: nil, at: Sample.at(day: 3), actor: "aiko") },
            ] as [() throws -> StoredTask] {
                #expect(throws: StoreError.self) { try action() }
            }
            #expect(try store.history(task: plan[1].id).map(\.kind) == [.created, .done])
        }
    }

    @Test("unknown tasks and snoozes into the past are refused")
    func invalidInput() throws {
        try withStore { store in
            try store.materialize(plan)
            let missing = TaskID(playbook: "p", step: "s", customer: "c", occurrence: "o")
            let notFound = #expect(throws: StoreError.self) { try store.complete(missing, note: nil, at: Sample.monday, actor: "a") }
            #expect(notFound?.code == .notFound)
            let past = #expect(throws: StoreError.self) {
                try store.snooze(plan[0].id, until: Sample.monday, reason: nil, at: Sample.at(day: 1), actor: "a")
            }
            #expect(past?.code == .invalidInput)
        }
    }

    @Test("a snooze hides a task until it ends, then it reads as open and is due again")
    func expiredSnoozeReadsOpen() throws {
        try withStore { store in
            try store.materialize(plan)
            let until = Sample.at(day: 4)
            try store.snooze(plan[0].id, until: until, reason: "call back Thursday", at: Sample.at(day: 1), actor: "aiko")

            #expect(try store.openTasks(dueBefore: Sample.at(day: 3), owner: "aiko").isEmpty)
            let later = try store.openTasks(dueBefore: Sample.at(day: 5), owner: "aiko")
            #expect(later.map(\.id) == [plan[0].id])
            let task = try #require(later.first)
            #expect(task.state == .snoozed)
            #expect(task.state(at: Sample.at(day: 3)) == .snoozed)
            #expect(task.state(at: until) == .open)
            #expect(task.due == until)
        }
    }
}
