import KizunaCore

extension CustomerEvaluation {
    /// The trigger steps of every `when:` play for every customer, on the customer's day
    /// in the play's zone. A play that does not apply to the customer counts as false. The
    /// firings of `firingsOf` (the customers' ids, or `nil` for every customer's) are read.
    func triggerSteps(for customers: [Customer], firingsOf: Set<String>?, signals: SignalWindows, on store: Store, now: Instant)
        throws(StoreError)
        -> [TriggerOutcome]
    {
        let triggered = playbooks.filter { if case .condition = $0.trigger { true } else { false } }
        guard !triggered.isEmpty else { return [] }
        // The conditions and cool-downs apart: the loops over customers copy no playbook.
        let conditions = triggerConditions
        let cooldowns = triggered.map { playbook -> CalendarSpan? in
            if case .condition(_, let cooldown) = playbook.trigger { cooldown } else { nil }
        }
        let needs = Self.seriesNeeds(of: conditions)
        let checklists = try checklists(readBy: conditions, for: customers, on: store)
        let playIDs = triggered.map(\.id)
        let latest = try latestFirings(of: playIDs, customers: firingsOf, on: store)
        let planner = Planner(playbooks: playbooks, teamZone: zone, calendar: calendar)
        // For each play, each customer's day and zone in it, and whether it applies to the
        // customer then; a customer's series are read on the day of the first play that applies.
        var days = DaysAt(now)
        let plays = triggered.map { playbook in
            customers.map { customer in
                let playZone = planner.zone(for: customer, playbook: playbook)
                let today = days.date(in: playZone)
                return (today: today, zone: playZone, applies: planner.applies(playbook, to: customer, on: today, zone: playZone))
            }
        }
        var (requesting, requests) = ([Int](), [SeriesRequest]())
        for index in customers.indices where !needs.isEmpty {
            guard let play = plays.first(where: { $0[index].applies })?[index] else { continue }
            requesting.append(index)
            requests.append(SeriesRequest(customer: customers[index].id, today: play.today, zone: play.zone))
        }
        var series = [[String: [SignalPoint]]](repeating: [:], count: customers.count)
        for (index, loaded) in zip(requesting, try store.seriesOfEach(requests, needs: needs, signals: signals)) { series[index] = loaded }
        var outcomes: [TriggerOutcome] = []
        for index in customers.indices {
            let id = customers[index].id
            let customerLatest = latest[id]
            // One copy of the customer in its facts, moved to each play's day and zone.
            var facts = CustomerFacts(
                customer: customers[index], today: plays[0][index].today, zone: plays[0][index].zone, signals: series[index],
                completeChecklists: checklists?.complete(for: id) ?? [])
            for play in plays.indices {
                let day = plays[play][index]
                (facts.today, facts.zone) = (day.today, day.zone)
                let holds: Bool? = day.applies ? conditions[play].evaluate(in: facts) : false
                let step = TriggerStep.evaluate(
                    holds: holds, latest: customerLatest?[play], today: day.today, cooldown: cooldowns[play], calendar: calendar)
                if step != .none {
                    outcomes.append(TriggerOutcome(playbook: playIDs[play], customer: id, day: day.today, step: step))
                }
            }
        }
        return outcomes
    }

    /// The latest firing of each of `playbooks` (by position) for each customer that has
    /// any, of every customer or of `customers`: looked up once per customer, not once per
    /// play and customer.
    private func latestFirings(of playbooks: [String], customers: Set<String>?, on store: Store) throws(StoreError)
        -> [String: [TriggerFiring?]]
    {
        let positions = Dictionary(playbooks.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var latest: [String: [TriggerFiring?]] = [:]
        // Ascending by day: the last one seen is the latest.
        for firing in try store.firings(customers: customers) {
            guard let position = positions[firing.playbook] else { continue }
            latest[firing.customer, default: Array(repeating: nil, count: playbooks.count)][position] = firing
        }
        return latest
    }
}

/// The date of one instant in each zone asked for, worked out once per zone: an evaluation
/// asks it for every customer and play, in a handful of zones.
private struct DaysAt {
    let instant: Instant
    /// By the zone's identity (zones are shared instances), with the zone, kept alive.
    private var dates: [ObjectIdentifier: (zone: Zone, date: CivilDate)] = [:]

    init(_ instant: Instant) {
        self.instant = instant
    }

    mutating func date(in zone: Zone) -> CivilDate {
        if let known = dates[ObjectIdentifier(zone)] { return known.date }
        let date = zone.localDateTime(at: instant).date
        dates[ObjectIdentifier(zone)] = (zone, date)
        return date
    }
}
