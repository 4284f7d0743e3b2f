import Foundation
import Testing

@testable import KizunaCore

/// Planning two adjacent windows at once gives what planning each gives.
@Suite struct PlannerSplitWindowTests {
    let newYork = Zone.named("America/New_York")!

    /// The shipped playbooks, and the renewal play of the planner tests (a step after its
    /// previous one's completion, business days across a holiday).
    func playbooks() throws -> [Playbook] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("playbooks").path
        let shipped = PlaybookLoader.load(paths: [folder])
        #expect(shipped.diagnostics.isEmpty)
        #expect(!shipped.playbooks.isEmpty)
        return shipped.playbooks + [try PlaybookLoader.load(file: "renewal.yaml", text: PlannerTests().renewalPlay)]
    }

    /// Customers in every stage and several zones, entering their stage on many days (so
    /// segments on days in stage change between the windows).
    var customers: [Customer] {
        let stages = ["onboarding", "adoption", "mature", "churned"]
        let zones = [nil, "Asia/Tokyo", "Europe/Berlin", "America/Los_Angeles"]
        return (0..<32).map { index in
            Customer(
                id: "customer-\(index)", name: "Customer \(index)", csm: "csm-\(index % 3)", teamLead: "lead",
                stage: stages[index % stages.count],
                stageEntered: newYork.instant(for: LocalDateTime(date: CivilDate("2026-10-01")!.adding(days: -index * 9))),
                customerSince: newYork.instant(for: LocalDateTime(date: CivilDate("2025-03-31")!.adding(days: index))),
                renewalDate: CivilDate("2026-12-15")!.adding(days: index * 6), zone: zones[index % zones.count].flatMap(Zone.named),
                tier: ["smb", "mid", "enterprise"][index % 3], arr: Double(index * 1_000), seats: index, health: Double(index))
        }
    }

    @Test func splittingAWindowPlansWhatEachHalfPlans() throws {
        var completions = Completions()
        let planner = Planner(playbooks: try playbooks(), teamZone: newYork, calendar: .standard)
        // A completion for every customer's first renewal review, so "after previous" steps are dated.
        for customer in customers {
            for task in planner.tasks(for: [customer], from: newYork.instant(for: LocalDateTime("2026-10-01")!), to: newYork.instant(for: LocalDateTime("2027-06-01")!))
            where task.step == "review" {
                completions.record(task: task.id, playbook: task.playbook, customer: task.customer, at: task.due)
            }
        }
        let completed = Planner(playbooks: planner.playbooks, teamZone: newYork, calendar: .standard, completions: completions)
        for (from, split, to) in [("2026-10-24", "2026-11-24", "2026-12-15"), ("2027-01-01", "2027-02-01", "2027-03-31")] {
            let (start, middle, end) = (
                newYork.instant(for: LocalDateTime(from)!), newYork.instant(for: LocalDateTime(split)!), newYork.instant(for: LocalDateTime(to)!)
            )
            let both = completed.tasks(for: customers, from: start, split: middle, to: end)
            #expect(!both.before.isEmpty && !both.after.isEmpty)
            #expect(both.before == completed.tasks(for: customers, from: start, to: middle))
            #expect(both.after == completed.tasks(for: customers, from: middle, to: end))
        }
    }
}
