extension Planner {
    /// What `tasks(for:from:to:)` returns for `[from, split)` and for `[split, to)`, with each
    /// occurrence expanded once: a planning pass asks for both (its catch-up period and its
    /// horizon), and expanding occurrences is most of the planner's work.
    public func tasks(for customers: [Customer], from: Instant, split: Instant, to: Instant)
        -> (before: [PlannedTask], after: [PlannedTask])
    {
        var before: [PlannedTask] = []
        var after: [PlannedTask] = []
        for customer in customers {
            // By index: a playbook read from the array for each customer would be a copy of it.
            for index in playbooks.indices {
                tasks(of: playbooks[index], for: customer, from: from, split: split, to: to, before: &before, after: &after)
            }
        }
        return (before, after)
    }

    /// Appends one play's tasks for one customer to `before` and `after`.
    private func tasks(
        of playbook: Playbook, for customer: Customer, from: Instant, split: Instant, to: Instant, before: inout [PlannedTask],
        after: inout [PlannedTask]
    ) {
        let context = context(for: customer, playbook: playbook)
        let early = applies(playbook, to: customer, on: context.zone.localDateTime(at: from).date, zone: context.zone)
        let late = applies(playbook, to: customer, on: context.zone.localDateTime(at: split).date, zone: context.zone)
        guard early || late else { return }
        // Each window finds the occurrences in its own widened window, as
        // `occurrences(of:for:from:to:)` would; the series of both is read once.
        let reach = stepReach(of: playbook)
        let earlySeries = from.adding(seconds: -reach.after)..<split.adding(seconds: reach.before)
        let lateSeries = split.adding(seconds: -reach.after)..<to.adding(seconds: reach.before)
        let series = candidates(of: playbook, for: customer, context: context, from: early ? from : split, to: late ? to : split)
        for occurrence in series {
            let inEarly = early && earlySeries.contains(occurrence.instant)
            let inLate = late && lateSeries.contains(occurrence.instant)
            guard inEarly || inLate else { continue }
            _ = plan(occurrence, of: playbook, for: customer, context: context) { task in
                if task.start < split {
                    if inEarly, from <= task.start { before.append(task) }
                } else if inLate, task.start < to {
                    after.append(task)
                }
            }
        }
    }
}
