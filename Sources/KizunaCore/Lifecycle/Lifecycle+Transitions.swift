extension Lifecycle {
    /// The stage changes due for `customer` by `now`, in order (a customer long overdue may
    /// move twice); a pure function of the customer, its facts and the clock.
    ///
    /// A transition with `after` takes effect when that time in the stage has passed (at
    /// that instant, so the new stage's plays are anchored there); one with `when` takes
    /// effect at `now` when its condition holds (unknown does not move a customer).
    /// - Parameters:
    ///   - facts: the customer's fields and signals for conditions, for the day of `now`.
    public func changes(
        for customer: Customer, facts: (Customer) -> any ConditionEnvironment, now: Instant, zone: Zone, calendar: BusinessCalendar
    ) -> [StageChange] {
        var customer = customer
        var changes: [StageChange] = []
        // Each move leaves a stage, so a customer moves at most once per stage.
        for _ in stages {
            guard let change = firstDue(for: customer, facts: facts(customer), now: now, zone: zone, calendar: calendar) else { break }
            changes.append(change)
            customer.stage = change.stage
            customer.stageEntered = change.at
        }
        return changes
    }

    /// The earliest instant after `now` at which a time-based transition of the customer's
    /// stage falls due, for a scheduler that sleeps until then; `nil` when none can.
    public func nextTransition(for customer: Customer, after now: Instant, zone: Zone, calendar: BusinessCalendar) -> Instant? {
        transitions.filter { $0.from.contains(customer.stage) }
            .compactMap { $0.after.map { dueInstant(after: $0, entered: customer.stageEntered, zone: zone, calendar: calendar) } }
            .filter { $0 > now }.min()
    }

    private func firstDue(
        for customer: Customer, facts: any ConditionEnvironment, now: Instant, zone: Zone, calendar: BusinessCalendar
    ) -> StageChange? {
        for transition in transitions where transition.from.contains(customer.stage) && transition.to != customer.stage {
            var at = now
            var causes: [String] = []
            if let after = transition.after {
                let due = dueInstant(after: after, entered: customer.stageEntered, zone: zone, calendar: calendar)
                guard due <= now else { continue }
                at = due
                causes.append("after \(after) in \(customer.stage)")
            }
            if let condition = transition.when {
                guard condition.evaluate(in: facts) == true else { continue }
                at = now
                causes.append("when \(condition.source)")
            }
            return StageChange(customer: customer.id, stage: transition.to, at: at, cause: "lifecycle: " + causes.joined(separator: " and "))
        }
        return nil
    }

    private func dueInstant(after span: CalendarSpan, entered: Instant, zone: Zone, calendar: BusinessCalendar) -> Instant {
        zone.instant(for: span.applied(to: zone.localDateTime(at: entered), calendar: calendar))
    }
}
