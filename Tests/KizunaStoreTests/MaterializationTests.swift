import KizunaCore
import KizunaStore
import Testing

@Suite("Materialization")
struct MaterializationTests {
    let plan = [Sample.task("acme", day: 1), Sample.task("acme", day: 8), Sample.task("beta", day: 2, owner: "ren")]

    @Test("planned tasks are stored open with a created event and their reminders, once")
    func createsOnce() throws {
        try withStore { store in
            let first = try store.materialize(plan)
            #expect(first.created == 3)
            let second = try store.materialize(plan, now: Sample.at(day: 1))
            #expect(second == MaterializationResult(unchanged: 3))

            let task = try #require(try store.task(id: plan[0].id))
            #expect(task.state == .open)
            #expect(task.title == "Follow-up: acme")
            #expect(task.start == plan[0].start && task.due == plan[0].due)
            #expect(task.checklist == ["Review the success plan"])
            #expect(try store.history(task: task.id).map(\.kind) == [.created])
            #expect(try store.reminders(of: task.id).map(\.timing) == ["at due"])
            #expect(try store.counts().tasks[.open] == 3)
        }
    }

    @Test("a pending task follows its plan's new dates and title, keeping its reassignment")
    func followsThePlan() throws {
        try withStore { store in
            try store.materialize(plan)
            try store.assign(plan[0].id, to: "ren", note: "covering", at: Sample.monday, actor: "lead")
            var moved = plan
            moved[0].start = moved[0].start.adding(seconds: 3600)
            moved[0].due = moved[0].due.adding(seconds: 3600)
            moved[1].title = "Renamed follow-up"
            moved[2].reminders.append(PlannedReminder(instant: moved[2].start, recipient: "lead", timing: .atStart))
            let result = try store.materialize(moved, now: Sample.at(day: 1))
            #expect(result.updated == 3 && result.unchanged == 0)

            let task = try #require(try store.task(id: plan[0].id))
            #expect(task.start == moved[0].start)
            #expect(task.owner == "ren")
            #expect(task.plannedOwner == "aiko")
            let history = try store.history(task: plan[0].id)
            #expect(history.map(\.kind) == [.created, .assigned, .moved])
            #expect(history.last?.note == "start 2027-01-05T10:00:00+00:00 → 2027-01-05T11:00:00+00:00; due 2027-01-06T10:00:00+00:00 → 2027-01-06T11:00:00+00:00")
            #expect(try store.history(task: plan[1].id).last?.note == "title changed")
            #expect(try store.history(task: plan[2].id).last?.note == "reminders changed")
            #expect(try store.reminders(of: plan[2].id).map(\.recipient).sorted() == ["lead", "ren"])
            #expect(try store.materialize(moved, now: Sample.at(day: 2)).unchanged == 3)
        }
    }

    @Test("pending tasks the plan dropped in the window are cancelled with the reason; others stay")
    func cancelsDropped() throws {
        try withStore { store in
            let later = Sample.task("acme", day: 40)
            try store.materialize(plan + [later])
            let result = try store.materialize(
                planned: [plan[1]], from: Sample.monday, to: Sample.at(day: 28), customers: nil, now: Sample.at(day: 1),
                reasons: { task in task.customer == "beta" ? "stage changed to mature" : "playbook removed" })
            #expect(result.cancelled == 2 && result.unchanged == 1)

            let acme = try #require(try store.task(id: plan[0].id))
            #expect(acme.state == .cancelled)
            #expect(acme.note == "playbook removed")
            #expect(acme.closedAt == Sample.at(day: 1))
            #expect(try store.task(id: plan[2].id)?.note == "stage changed to mature")
            #expect(try store.history(task: plan[2].id).last == TaskEvent(task: plan[2].id, kind: .cancelled, actor: Store.engineActor, at: Sample.at(day: 1), note: "stage changed to mature"))
            #expect(try store.task(id: later.id)?.state == .open, "outside the window")
            #expect(try store.materialize([plan[1]]).cancelled == 0)
        }
    }

    @Test("only the given customers' dropped tasks are cancelled")
    func cancelsForGivenCustomersOnly() throws {
        try withStore { store in
            try store.materialize(plan)
            let result = try store.materialize([], customers: ["beta"])
            #expect(result.cancelled == 1)
            #expect(try store.task(id: plan[2].id)?.state == .cancelled)
            #expect(try store.task(id: plan[0].id)?.state == .open)
        }
    }

    @Test("done, skipped and cancelled tasks are never touched again")
    func closedTasksStay() throws {
        try withStore { store in
            try store.materialize(plan)
            try store.complete(plan[0].id, note: "went well", at: Sample.at(day: 1, hour: 11), actor: "aiko")
            try store.skip(plan[1].id, reason: "customer on holiday", at: Sample.at(day: 1), actor: "aiko")
            try store.materialize([plan[0], plan[1]], customers: ["beta"])  // cancels beta's task

            var changed = plan
            for index in changed.indices {
                changed[index].title = "New title"
                changed[index].due = changed[index].due.adding(seconds: 7200)
            }
            let result = try store.materialize(changed, now: Sample.at(day: 2))
            #expect(result == MaterializationResult(unchanged: 3))
            let done = try #require(try store.task(id: plan[0].id))
            #expect(done.state == .done && done.title == "Follow-up: acme" && done.note == "went well")
            #expect(try store.task(id: plan[1].id)?.state == .skipped)
            #expect(try store.task(id: plan[2].id)?.state == .cancelled)
            #expect(try store.materialize([], now: Sample.at(day: 3)).cancelled == 0)
        }
    }

    @Test("a snooze survives re-planning, even when the plan moves the task")
    func snoozeSurvives() throws {
        try withStore { store in
            try store.materialize(plan)
            let until = Sample.at(day: 5, hour: 9)
            try store.snooze(plan[0].id, until: until, reason: "waiting for the customer", at: Sample.monday, actor: "aiko")
            var moved = plan
            moved[0].due = moved[0].due.adding(seconds: 3600)
            let result = try store.materialize(moved, now: Sample.at(day: 1))
            #expect(result.updated == 1)
            let task = try #require(try store.task(id: plan[0].id))
            #expect(task.state == .snoozed)
            #expect(task.snoozedUntil == until)
            #expect(task.start == until && task.due == until)
            #expect(task.note == "waiting for the customer")
        }
    }

    @Test("a paused play stores none of its tasks until the pause ends, and cancels the pending ones")
    func pauses() throws {
        try withStore { store in
            try store.upsert(customers: [Sample.customer("acme"), Sample.customer("beta")], at: Sample.monday)
            try store.materialize([plan[0]])
            let cancelled = try store.pause(
                playbook: "onboarding-weekly", customer: "acme", until: Sample.at(day: 14), reason: "on holiday",
                at: Sample.monday, actor: "aiko")
            #expect(cancelled == 1)
            #expect(try store.task(id: plan[0].id)?.note == "paused until 2027-01-18T00:00:00+00:00: on holiday")

            let after = Sample.task("acme", day: 15)
            let result = try store.materialize(plan + [after], now: Sample.at(day: 1))
            #expect(result.paused == 1, "day 8 is inside the pause")
            #expect(result.created == 2, "beta's task and the one after the pause")
            #expect(result.unchanged == 1, "the cancelled one stays cancelled")
            #expect(try store.task(id: plan[1].id) == nil)
            #expect(try store.task(id: after.id)?.state == .open)

            let error = #expect(throws: StoreError.self) {
                try store.pause(playbook: "x", customer: "ghost", until: Sample.at(day: 3), reason: nil, at: Sample.monday, actor: "aiko")
            }
            #expect(error?.code == .notFound)
        }
    }
}
