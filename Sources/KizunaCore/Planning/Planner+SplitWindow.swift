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
            for playbook in playbooks {
                let context = context(for: customer, playbook: playbook)
                let early = applies(playbook, to: customer, on: context.zone.localDateTime(at: from).date, zone: context.zone)
                let late = applies(playbook, to: customer, on: context.zone.localDateTime(at: split).date, zone: context.zone)
                guard early || late else { continue }
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
                    let tasks = plan(occurrence, of: playbook, for: customer, context: context).tasks
                    if inEarly { before.append(contentsOf: tasks.lazy.filter { from <= $0.start && $0.start < split }) }
                    if inLate { after.append(contentsOf: tasks.lazy.filter { split <= $0.start && $0.start < to }) }
                }
            }
        }
        return (before, after)
    }
}
