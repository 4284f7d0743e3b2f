/// Turns playbooks and customers into the tasks they owe: a pure function of
/// (playbooks, calendar, customers, completions, window). The daemon and the command
/// both plan through it, so they always agree.
public struct Planner: Sendable {
    public var playbooks: [Playbook]
    /// The zone for customers and plays without their own.
    public var teamZone: Zone
    public var calendar: BusinessCalendar
    /// What was done when: dates steps that follow a previous step's completion, and
    /// after-completion cadences.
    public var completions: Completions
    /// The days each `when:` play fired for each customer: their occurrences.
    public var firings: Firings

    public init(
        playbooks: [Playbook], teamZone: Zone, calendar: BusinessCalendar, completions: Completions = Completions(),
        firings: Firings = Firings()
    ) {
        self.playbooks = playbooks
        self.teamZone = teamZone
        self.calendar = calendar
        self.completions = completions
        self.firings = firings
    }

    /// Every task that starts in `[from, to)`, for every customer and play.
    public func tasks(for customers: [Customer], from: Instant, to: Instant) -> [PlannedTask] {
        // Appended to one array: nested flatMaps copied every task once per level.
        var tasks: [PlannedTask] = []
        for customer in customers {
            for playbook in playbooks {
                for occurrence in occurrences(of: playbook, for: customer, from: from, to: to) {
                    tasks.append(contentsOf: occurrence.tasks.lazy.filter { from <= $0.start && $0.start < to })
                }
            }
        }
        return tasks
    }

    /// The occurrences of `playbook` for `customer` with a step starting in `[from, to)`.
    public func occurrences(of playbook: Playbook, for customer: Customer, from: Instant, to: Instant) -> [PlannedOccurrence] {
        let context = context(for: customer, playbook: playbook)
        guard applies(playbook, to: customer, on: context.zone.localDateTime(at: from).date, zone: context.zone) else { return [] }
        return candidates(of: playbook, for: customer, context: context, from: from, to: to).compactMap { occurrence in
            let planned = plan(occurrence, of: playbook, for: customer, context: context)
            guard planned.tasks.contains(where: { from <= $0.start && $0.start < to }) else { return nil }
            return planned
        }
    }

    /// Whether the play is for this customer on `day`: its stage (every stage but
    /// `churned` when none is named) and its segment filter (unknown counts as no).
    public func applies(_ playbook: Playbook, to customer: Customer, on day: CivilDate) -> Bool {
        applies(playbook, to: customer, on: day, zone: context(for: customer, playbook: playbook).zone)
    }

    /// `applies(_:to:on:)` with the play's zone for the customer already known.
    public func applies(_ playbook: Playbook, to customer: Customer, on day: CivilDate, zone: Zone) -> Bool {
        let stages = playbook.applies.stages
        guard stages.isEmpty ? customer.stage != "churned" : stages.contains(customer.stage) else { return false }
        guard let segment = playbook.applies.segment else { return true }
        return segment.evaluate(in: CustomerFacts(customer: customer, today: day, zone: zone)) == true
    }

    /// The occurrences of the play whose steps can start in `[from, to)`, before steps are
    /// dated: a step starts at its occurrence moved by up to `after` later or `before`
    /// earlier, so they lie in this wider window.
    func candidates(of playbook: Playbook, for customer: Customer, context: ScheduleContext, from: Instant, to: Instant)
        -> [Occurrence]
    {
        let reach = stepReach(of: playbook)
        return occurrenceSeries(
            of: playbook, context: context, customer: customer, from: from.adding(seconds: -reach.after),
            to: to.adding(seconds: reach.before))
    }

    /// The zone, calendar and dates a play is expanded against for one customer.
    public func context(for customer: Customer, playbook: Playbook) -> ScheduleContext {
        ScheduleContext(
            zone: zone(for: customer, playbook: playbook), calendar: calendar, stageEntered: customer.stageEntered,
            customerSince: customer.customerSince, renewalDate: customer.renewalDate)
    }

    /// The zone of the play's wall times for one customer: the context's zone.
    public func zone(for customer: Customer, playbook: Playbook) -> Zone {
        switch playbook.zone {
        case .customer: customer.zone ?? teamZone
        case .team: teamZone
        case .named(let zone): zone
        }
    }

    /// The play's occurrences in `[from, to)`, before steps are dated.
    private func occurrenceSeries(
        of playbook: Playbook, context: ScheduleContext, customer: Customer, from: Instant, to: Instant
    ) -> [Occurrence] {
        switch playbook.trigger {
        case .schedule(let schedule):
            let anchor = LocalDateTime(date: context.zone.localDateTime(at: customer.stageEntered).date, time: CadenceIterator.defaultTime)
            return schedule.occurrences(
                from: from, to: to, anchor: anchor, context: context,
                lastCompletion: completions.latest(playbook: playbook.id, customer: customer.id))
        case .dates(let anchors):
            return Self.occurrences(on: anchors.compactMap { $0.resolved(in: context)?.date }, zone: context.zone, from: from, to: to)
        case .condition:
            // A condition play occurs on the days it fired (see `TriggerStep`).
            return Self.occurrences(on: firings.days(playbook: playbook.id, customer: customer.id), zone: context.zone, from: from, to: to)
        }
    }

    /// Occurrences at the default time of `days` that fall in `[from, to)`.
    private static func occurrences(on days: [CivilDate], zone: Zone, from: Instant, to: Instant) -> [Occurrence] {
        days.compactMap { date in
            let local = LocalDateTime(date: date, time: CadenceIterator.defaultTime)
            let instant = zone.instant(for: local)
            guard from <= instant, instant < to else { return nil }
            return Occurrence(nominal: local, local: local, instant: instant)
        }.sorted()
    }

    /// Dates every step of one occurrence.
    func plan(_ occurrence: Occurrence, of playbook: Playbook, for customer: Customer, context: ScheduleContext)
        -> PlannedOccurrence
    {
        var tasks: [PlannedTask] = []
        tasks.reserveCapacity(playbook.steps.count)
        let waiting = plan(occurrence, of: playbook, for: customer, context: context) { tasks.append($0) }
        return PlannedOccurrence(playbook: playbook.id, customer: customer.id, occurrence: occurrence, tasks: tasks, waiting: waiting)
    }

    /// Dates every step of one occurrence, handing each task to `body` as it is made (moved,
    /// not copied, into where it goes); the steps waiting for a previous step's completion.
    func plan(
        _ occurrence: Occurrence, of playbook: Playbook, for customer: Customer, context: ScheduleContext,
        _ body: (consuming PlannedTask) -> Void
    ) -> [String] {
        var waiting: [String] = []
        var previous: TaskID?
        // Worked out once per occurrence and shared by its tasks: the key is formatted text, and
        // the values hold copies of the customer and the playbook; only the due date differs.
        let key = occurrence.key
        var values = TemplateValues(
            customer: customer, playbook: playbook, occurrence: occurrence.local.date, due: occurrence.instant, zone: context.zone)
        // By index: a step read from the array for each task would be a copy of it.
        for index in playbook.steps.indices {
            let id = TaskID(playbook: playbook.id, step: playbook.steps[index].id, customer: customer.id, occurrence: key)
            defer { previous = id }
            let startLocal: LocalDateTime
            switch playbook.steps[index].start {
            case .occurrence(let span):
                startLocal = span.map { $0.applied(to: occurrence.local, calendar: calendar) } ?? occurrence.local
            case .afterPrevious(let span):
                guard let previous, let done = completions.byTask[previous] else {
                    waiting.append(playbook.steps[index].id)
                    continue
                }
                startLocal = span.applied(to: context.zone.localDateTime(at: done), calendar: calendar)
            }
            let step = playbook.steps[index]
            let dueLocal = step.window.map { $0.applied(to: startLocal, calendar: calendar) } ?? startLocal
            let start = context.zone.instant(for: startLocal)
            let due = context.zone.instant(for: dueLocal)
            values.due = due
            // Closures, not `values.value(for:)`: a method of a struct bound as a function copies the struct.
            let rendered = step.owner.render { values.value(for: $0) }
            let owner = rendered.isEmpty ? customer.csm : rendered
            body(
                PlannedTask(
                    id: id, playbook: playbook.id, step: step.id, customer: customer.id, occurrence: key,
                    title: step.title.render { values.value(for: $0) }, owner: owner,
                    priority: step.priority, start: start, due: due, checklist: step.checklist,
                    reminders: playbook.reminders.map { rule in
                        reminder(rule, start: startLocal, due: dueLocal, owner: owner, values: values, zone: context.zone)
                    },
                    zone: context.zone))
        }
        return waiting
    }

    private func reminder(
        _ rule: ReminderRule, start: LocalDateTime, due: LocalDateTime, owner: String, values: TemplateValues, zone: Zone
    ) -> PlannedReminder {
        let local: LocalDateTime =
            switch rule.timing {
            case .beforeStart(let span): span.negated.applied(to: start, calendar: calendar)
            case .atStart: start
            case .atDue: due
            case .overdue(let span): span.applied(to: due, calendar: calendar)
            }
        let recipient = rule.recipient.map { template in template.render { values.value(for: $0) } }.flatMap { $0.isEmpty ? nil : $0 } ?? owner
        return PlannedReminder(instant: zone.instant(for: local), recipient: recipient, timing: rule.timing, channel: rule.channel)
    }

    /// How far (in seconds) a step can start after, and before, its occurrence, so the
    /// occurrence window can be widened enough to find every step starting in a window.
    func stepReach(of playbook: Playbook) -> (after: Int64, before: Int64) {
        var after: Int64 = 0
        var before: Int64 = 0
        for step in playbook.steps {
            guard case .occurrence(let span?) = step.start else { continue }
            let reach = span.upperBoundSeconds
            if span.amount > 0 { after = max(after, reach) } else { before = max(before, reach) }
        }
        return (after, before)
    }
}

extension CalendarSpan {
    /// An upper bound of the span's length in seconds, whatever the calendar (business
    /// days may stretch over weekends and holidays; a margin covers long holiday runs).
    var upperBoundSeconds: Int64 {
        let magnitude = Int64(abs(amount))
        let days: Int64 =
            switch unit {
            case .minute, .hour: 1
            case .day: magnitude
            case .businessDay: magnitude * 2 + 14
            case .week: magnitude * 7
            case .month: magnitude * 31
            case .quarter: magnitude * 92
            case .year: magnitude * 366
            }
        return (days + 1) * 86_400
    }
}
