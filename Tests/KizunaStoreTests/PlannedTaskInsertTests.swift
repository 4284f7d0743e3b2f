import KizunaCore
import Testing

@testable import KizunaStore

@Suite("Inserts of planned tasks")
struct PlannedTaskInsertTests {
    @Test("more tasks and reminders than one statement holds are each stored with their own values, once")
    func manyRowsKeepTheirValues() throws {
        // Full statements of rows and a last, shorter one, for tasks and for reminders.
        let count = BoundInsert.rowsPerStatement * 2 + 5
        let plan = (0..<count).map { number in
            var task = Sample.task("c\(number)", day: number % 20, owner: "csm-\(number % 3)", reminders: [.atStart, .atDue])
            task.reminders[0].instant = task.start
            task.reminders[1].channel = number.isMultiple(of: 2) ? "chat" : nil
            task.checklist = ["Step \(number)"]
            return task
        }
        try withStore { store in
            #expect(try store.materialize(plan).created == count)
            for task in plan {
                let stored = try #require(try store.task(id: task.id))
                #expect(stored.customer == task.customer && stored.owner == task.owner && stored.title == task.title)
                #expect(stored.start == task.start && stored.due == task.due && stored.checklist == task.checklist)
                let reminders = task.reminders.map {
                    StoredReminder(task: task.id, instant: $0.instant, recipient: $0.recipient, timing: $0.timing.words, channel: $0.channel)
                }
                #expect(try store.reminders(of: task.id) == reminders)
            }
            #expect(try store.counts().tasks[.open] == count)
            #expect(try store.materialize(plan, now: Sample.at(day: 1)) == MaterializationResult(unchanged: count))
        }
    }
}
