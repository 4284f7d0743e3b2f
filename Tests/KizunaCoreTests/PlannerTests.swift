import Foundation
import Testing

@testable import KizunaCore

@Suite struct PlannerTests {
    let newYork = Zone.named("America/New_York")!
    let calendar = BusinessCalendar(holidays: [CivilDate("2027-02-15")!: "Presidents' Day"])

    func playbook(_ yaml: String) throws -> Playbook {
        try PlaybookLoader.load(file: "test.yaml", text: yaml)
    }

    func customer(_ id: String = "acme", stage: String = "mature", renewal: String? = "2027-03-31", zone: String? = nil, tier: String? = nil)
        -> Customer
    {
        Customer(
            id: id, name: "Acme Corp", csm: "alice", teamLead: "dana", stage: stage,
            stageEntered: Instant(iso8601: "2026-01-05T10:00:00-05:00", defaultZone: .utc)!,
            renewalDate: renewal.flatMap(CivilDate.init), zone: zone.flatMap(Zone.named), tier: tier)
    }

    var renewalPlay: String {
        """
        kizuna: 1
        playbook: renewal
        title: Renewal
        applies: { stage: [mature] }
        dates: [renewal date]
        steps:
          - id: review
            title: "Review {{ customer.name }} (renews {{ customer.renewal_date }})"
            owner: "{{ customer.csm }}"
            priority: high
            start: 45 business days before
            due: within 5 business days
          - id: sign
            title: Signature
            start: 10 business days after previous
        remind:
          - 1 day before
          - overdue by 1 business day: escalate to "{{ customer.team_lead }}"
        """
    }

    func window(_ from: String, _ to: String) -> (Instant, Instant) {
        (newYork.instant(for: LocalDateTime(from)!), newYork.instant(for: LocalDateTime(to)!))
    }

    @Test func stepsAreDatedFromTheOccurrenceInBusinessDaysAcrossAHoliday() throws {
        let planner = Planner(playbooks: [try playbook(renewalPlay)], teamZone: newYork, calendar: calendar)
        let (from, to) = window("2027-01-01", "2027-04-01")
        let planned = planner.occurrences(of: planner.playbooks[0], for: customer(), from: from, to: to)
        #expect(planned.count == 1)
        let review = try #require(planned.first?.tasks.first)
        // 2027-03-31 (Wed) minus 45 business days, skipping Presidents' Day: 2027-01-26 at 09:00.
        #expect(newYork.iso8601(review.start) == "2027-01-26T09:00:00-05:00")
        #expect(newYork.iso8601(review.due) == "2027-02-02T09:00:00-05:00")
        #expect(review.title == "Review Acme Corp (renews 2027-03-31)")
        #expect(review.owner == "alice")
        #expect(review.priority == .high)
        #expect(review.reminders.map(\.recipient) == ["alice", "dana"])
        #expect(review.reminders.map { newYork.iso8601($0.instant) } == ["2027-01-25T09:00:00-05:00", "2027-02-03T09:00:00-05:00"])
        // The signature waits for the review to be done.
        #expect(planned[0].waiting == ["sign"])
    }

    @Test func aStepAfterThePreviousIsDatedFromItsCompletion() throws {
        var completions = Completions()
        let reviewID = TaskID(playbook: "renewal", step: "review", customer: "acme", occurrence: "2027-03-31T09:00:00")
        completions.record(task: reviewID, playbook: "renewal", customer: "acme", at: newYork.instant(for: LocalDateTime("2027-02-10T16:30")!))
        let planner = Planner(playbooks: [try playbook(renewalPlay)], teamZone: newYork, calendar: calendar, completions: completions)
        let (from, to) = window("2027-01-01", "2027-04-01")
        let planned = try #require(planner.occurrences(of: planner.playbooks[0], for: customer(), from: from, to: to).first)
        #expect(planned.tasks.first?.id == reviewID)
        let sign = try #require(planned.tasks.last)
        #expect(sign.step == "sign")
        // Done on Wednesday 2027-02-10 at 16:30; ten business days later, skipping Presidents' Day.
        #expect(newYork.iso8601(sign.start) == "2027-02-25T16:30:00-05:00")
        #expect(sign.owner == "alice")  // no owner given: the customer's CSM
        #expect(planned.waiting.isEmpty)
    }

    @Test func planningIsDeterministicAndIdsDependOnTheOccurrence() throws {
        let planner = Planner(playbooks: [try playbook(renewalPlay)], teamZone: newYork, calendar: calendar)
        let (from, to) = window("2026-01-01", "2028-01-01")
        let first = planner.tasks(for: [customer()], from: from, to: to)
        #expect(first == planner.tasks(for: [customer()], from: from, to: to))
        let moved = planner.tasks(for: [customer(renewal: "2027-04-30")], from: from, to: to)
        #expect(Set(first.map(\.id)).isDisjoint(with: moved.map(\.id)))
    }

    @Test func stagesAndSegmentsDecideWhetherAPlayApplies() throws {
        let segmented = try playbook(renewalPlay.replacingOccurrences(of: "applies: { stage: [mature] }", with: "applies: { stage: [mature], segment: 'tier == \"enterprise\"' }"))
        let planner = Planner(playbooks: [segmented], teamZone: newYork, calendar: calendar)
        let (from, to) = window("2027-01-01", "2027-04-01")
        #expect(planner.tasks(for: [customer(tier: "enterprise")], from: from, to: to).count == 1)
        #expect(planner.tasks(for: [customer(tier: "starter")], from: from, to: to).isEmpty)
        #expect(planner.tasks(for: [customer()], from: from, to: to).isEmpty)  // unknown tier: not in the segment
        #expect(planner.tasks(for: [customer(stage: "adoption", tier: "enterprise")], from: from, to: to).isEmpty)
        #expect(planner.tasks(for: [customer(renewal: nil, tier: "enterprise")], from: from, to: to).isEmpty)
    }

    @Test func theCustomersZoneGovernsWallTimes() throws {
        let planner = Planner(playbooks: [try playbook(renewalPlay)], teamZone: newYork, calendar: calendar)
        let (from, to) = window("2027-01-01", "2027-04-01")
        let task = try #require(planner.tasks(for: [customer(zone: "Asia/Tokyo")], from: from, to: to).first)
        #expect(task.zone.identifier == "Asia/Tokyo")
        #expect(task.zone.iso8601(task.start) == "2027-01-26T09:00:00+09:00")
    }

    @Test func onlyStepsStartingInTheWindowArePlanned() throws {
        let planner = Planner(playbooks: [try playbook(renewalPlay)], teamZone: newYork, calendar: calendar)
        let (from, to) = window("2027-01-27", "2027-04-01")
        #expect(planner.tasks(for: [customer()], from: from, to: to).isEmpty)
        let (earlyFrom, earlyTo) = window("2027-01-26", "2027-01-27")
        #expect(planner.tasks(for: [customer()], from: earlyFrom, to: earlyTo).count == 1)
    }
}

@Suite struct UrgencyTests {
    let now = Instant(secondsSinceEpoch: 1_800_000_000)

    @Test func overdueOutranksDueLaterAndPriorityHealthAndValueAddUp() {
        let overdue = Urgency(due: now.adding(seconds: -3 * 86_400), now: now, priority: .medium, health: nil, arr: nil)
        let later = Urgency(due: now.adding(seconds: 5 * 86_400), now: now, priority: .medium, health: nil, arr: nil)
        #expect(overdue > later)
        let base = Urgency(due: now, now: now, priority: .medium, health: nil, arr: nil)
        #expect(Urgency(due: now, now: now, priority: .critical, health: nil, arr: nil) > base)
        #expect(Urgency(due: now, now: now, priority: .medium, health: 20, arr: nil) > base)
        #expect(Urgency(due: now, now: now, priority: .medium, health: nil, arr: 500_000) > base)
        // 12 × (14 × 0.8 / 21 + 0.2) + 3.9 = 12.70
        #expect(base.value == 12.7)
        // A week or more overdue saturates: 12 + 9 + 4 × 0.9 + log10(1000) = 27.6
        #expect(Urgency(due: now.adding(seconds: -30 * 86_400), now: now, priority: .critical, health: 10, arr: 1_000_000).value == 27.6)
    }
}

@Suite struct PlannerWindowTests {
    @Test func tasksOfAnOccurrenceOutsideTheWindowAreLeftOut() throws {
        let zone = Zone.named("Europe/London")!
        let play = try PlaybookLoader.load(
            file: "r.yaml",
            text: """
                kizuna: 1
                playbook: renewal
                title: Renewal
                dates: [renewal date]
                steps:
                  - { id: early, title: Early, start: 60 days before }
                  - { id: late, title: Late, start: 30 days before }
                """)
        let customer = Customer(
            id: "c", name: "C", csm: "alice", stage: "mature", stageEntered: Instant(secondsSinceEpoch: 0),
            renewalDate: CivilDate("2027-01-28"))
        let planner = Planner(playbooks: [play], teamZone: zone, calendar: .standard)
        let from = zone.instant(for: LocalDateTime("2026-11-29")!)
        let to = zone.instant(for: LocalDateTime("2026-11-30")!)
        #expect(planner.tasks(for: [customer], from: from, to: to).map(\.step) == ["early"])
        #expect(planner.occurrences(of: play, for: customer, from: from, to: to).first?.tasks.map(\.step) == ["early", "late"])
    }
}
