import Testing

@testable import KizunaCore

/// Runs a trigger day by day over `days` with the condition's value on each, and returns
/// the days it fired.
private func firings(holds: [Bool?], from first: String, cooldown: CalendarSpan?) -> [CivilDate] {
    var latest: TriggerFiring?
    var fired: [CivilDate] = []
    for (offset, value) in holds.enumerated() {
        let today = CivilDate(first)!.adding(days: offset)
        switch TriggerStep.evaluate(holds: value, latest: latest, today: today, cooldown: cooldown, calendar: .standard) {
        case .fire:
            latest = TriggerFiring(playbook: "p", customer: "c", firedOn: today)
            fired.append(today)
        case .clear: latest?.clearedOn = today
        case .none: break
        }
    }
    return fired
}

@Suite struct TriggerStepTests {
    @Test func aConditionThatStaysTrueForWeeksFiresOnce() {
        let fired = firings(holds: Array(repeating: true, count: 60), from: "2026-11-01", cooldown: CalendarSpan(30, .day))
        #expect(fired == [CivilDate("2026-11-01")!])
    }

    @Test func itReArmsOnlyAfterClearing() {
        let holds: [Bool?] = [true, true, false, true, true]
        #expect(firings(holds: holds, from: "2026-11-01", cooldown: nil).map(\.description) == ["2026-11-01", "2026-11-04"])
    }

    @Test func theCooldownHoldsBackAReturnUntilItEnds() {
        // Fires on the 1st, clears on the 3rd, true again from the 5th: the 30-day
        // cool-down ends on December 1st, when it fires again because it still holds.
        let holds: [Bool?] = [true, true, false, false] + Array(repeating: true, count: 40)
        let fired = firings(holds: holds, from: "2026-11-01", cooldown: CalendarSpan(30, .day))
        #expect(fired.map(\.description) == ["2026-11-01", "2026-12-01"])
    }

    @Test func aReturnThatClearsWithinTheCooldownDoesNotFire() {
        let holds: [Bool?] = [true, false, true, false] + Array(repeating: false, count: 40)
        #expect(firings(holds: holds, from: "2026-11-01", cooldown: CalendarSpan(30, .day)).count == 1)
    }

    @Test func unknownChangesNothing() {
        let holds: [Bool?] = [nil, true, nil, nil, true]
        #expect(firings(holds: holds, from: "2026-11-01", cooldown: nil).map(\.description) == ["2026-11-02"])
    }

    @Test func aCooldownInMonthsEndsAtMonthEnd() {
        // Fired January 31st with a one-month cool-down: it ends February 28th.
        let latest = TriggerFiring(playbook: "p", customer: "c", firedOn: CivilDate("2027-01-31")!, clearedOn: CivilDate("2027-02-01")!)
        func step(_ day: String) -> TriggerStep {
            TriggerStep.evaluate(holds: true, latest: latest, today: CivilDate(day)!, cooldown: CalendarSpan(1, .month), calendar: .standard)
        }
        #expect(step("2027-02-27") == TriggerStep.none)
        #expect(step("2027-02-28") == .fire)
    }
}
