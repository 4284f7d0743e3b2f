import KizunaCore
import Testing

@testable import KizunaStore

/// The catch-up's latest occurrences, settled run by run in the planner's order, are those
/// the order-free hashing settles, whatever the order of the tasks.
@Suite struct LatestOccurrenceTests {
    let zone = Zone.named("America/New_York")!

    /// Tasks as the planner gives them: customer by customer, play by play, occurrence by
    /// occurrence in time order, two steps each; the second step of some occurrences starts
    /// before the first, and the last two occurrences of some plays start at the same instant.
    var planned: [PlannedTask] {
        var tasks: [PlannedTask] = []
        for customer in ["acme", "globex", "initech"] {
            for (playIndex, playbook) in ["daily", "weekly", "renewal"].enumerated() {
                for day in 1...(3 + playIndex) {
                    let occurrence = "2026-11-\(10 + day)T10:00:00"
                    let tied = playIndex == 1 && day == 3 + playIndex ? -1 : 0
                    for (step, offset) in [("call", 0), ("email", customer == "globex" ? -2 : 1)] {
                        let start = zone.instant(for: LocalDateTime(date: CivilDate("2026-11-10")!.adding(days: day + tied + offset)))
                        tasks.append(
                            PlannedTask(
                                id: TaskID(playbook: playbook, step: step, customer: customer, occurrence: occurrence), playbook: playbook,
                                step: step, customer: customer, occurrence: occurrence, title: step, owner: "alice", priority: .medium,
                                start: start, due: start, zone: zone))
                    }
                }
            }
        }
        return tasks
    }

    func hashed(_ tasks: [PlannedTask]) -> [Bool] {
        let latest = PlanningRun.latestOccurrencesHashed(tasks)
        return tasks.map { latest.contains($0.id) }
    }

    @Test func inThePlannersOrderRunByRunMarksWhatHashingMarks() {
        let tasks = planned
        let latest = PlanningRun.latestOccurrences(tasks)
        #expect(latest == hashed(tasks))
        // Some tasks are marked, not all.
        #expect(latest.contains(true) && latest.contains(false))
    }

    @Test func inAnyOtherOrderTheSameTasksAreMarked() {
        let tasks = planned
        // Permutations that scatter every play: position i takes task i × m (mod n), m prime to n.
        for multiplier in [5, 7, 11, 13, 25] where gcd(multiplier, tasks.count) == 1 {
            let scattered = tasks.indices.map { tasks[$0 * multiplier % tasks.count] }
            #expect(PlanningRun.latestOccurrences(scattered) == hashed(scattered))
        }
        let reversed = Array(tasks.reversed())
        #expect(PlanningRun.latestOccurrences(reversed) == hashed(reversed))
        // One play's tasks in two runs apart.
        let split = Array(tasks[4...] + tasks[..<4])
        #expect(PlanningRun.latestOccurrences(split) == hashed(split))
    }

    private func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
}
