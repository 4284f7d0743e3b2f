import Dispatch
import KizunaCore

/// One planning pass over the store: the pass `kizuna plan` makes and the daemon makes on
/// its schedule. It plans every stored customer with the playbooks and the stored
/// completions, and brings the stored tasks in line (see `Store.materialize`).
///
/// Customers are planned in batches, each in one transaction, so an interrupted pass
/// leaves every customer either planned or as it was, and two passes at once store the
/// tasks one would.
public struct PlanningRun: Sendable {
    public var playbooks: [Playbook]
    public var zone: Zone
    public var calendar: BusinessCalendar
    public var window: PlanningWindow
    /// Customers per transaction.
    public var batchSizing: BatchSizing
    /// Firings of `when:` plays not yet stored (what `plan --diff` previews), planned with the stored ones.
    public var pendingFirings: [TriggerFiring] = []
    /// Stage changes not yet stored (what `plan --diff` previews): the customers are planned
    /// in their new stages.
    public var pendingStageChanges: [StageChange] = []
    /// When set, the pass plans only the playbooks with these ids and cancels only their
    /// pending tasks; the other playbooks' tasks are left as they are. A reload that changed,
    /// added or removed these playbooks, and nothing else, plans what a full pass would.
    /// `nil` plans every playbook.
    public var playbookIDs: Set<String>?
    /// Every stored customer, in id order, when the pass read and evaluated them
    /// (`run(on:now:evaluatingWith:progress:shouldStop:)`); `nil` reads them.
    private var customers: [Customer]?
    /// What the pass plans with of the done tasks, when it was read beside an evaluation
    /// (`run(on:now:evaluatingWith:progress:shouldStop:)`); `nil` reads it.
    private var completions: Completions?

    /// A pass of `batchSize` customers per transaction, or, when `nil`, of as many as are
    /// written in about a second (`BatchSizing.standard`).
    public init(playbooks: [Playbook], zone: Zone, calendar: BusinessCalendar, window: PlanningWindow, batchSize: Int? = nil) {
        self.playbooks = playbooks
        self.zone = zone
        self.calendar = calendar
        self.window = window
        batchSizing = batchSize.map(BatchSizing.fixed) ?? .standard
    }

    /// Plans every stored customer and materializes the tasks; `progress` is told how many
    /// customers are done after each batch. When `shouldStop` turns true the pass ends after
    /// the batch being written (a daemon stopping), leaving the rest as it was.
    @discardableResult
    public func run(
        on store: Store, now: Instant, progress: (_ done: Int, _ total: Int) -> Void = { _, _ in },
        shouldStop: () -> Bool = { false }
    ) throws(StoreError) -> MaterializationResult {
        var total = MaterializationResult()
        var written = false
        let series = OutsideWrites()
        try store.writingSeries { () throws(StoreError) in
            try series.start(on: store)
            try forEachBatch(of: store, readingAhead: series, progress: progress, shouldStop: shouldStop) { batch throws(StoreError) in
                // The next batch is ready as soon as one is written: a write of another process
                // (`kizuna done`) waiting for the store gets in between two batches, not after the pass.
                if written { store.leaveTurnToWaitingWriters() }
                written = true
                total.add(
                    try store.materialize(
                        planned: batch.tasks, readAhead: batch.readAhead, from: window.catchUpFrom, to: window.to,
                        customers: batch.customers, playbooks: playbookIDs, series: series, now: now,
                        reasons: batch.reasons.reason))
                // Copied into the database file on another core while the next batch is written.
                store.checkpointAfterCommit()
            }
        }
        return total
    }

    /// A whole pass, as `kizuna plan` and the daemon make it: reads every stored customer, has
    /// `evaluate` evaluate them (health, stages, triggers) while the done tasks the planning
    /// needs are read on another core (an evaluation changes no done task, and over a long
    /// history the read takes a good part of a second), then plans the customers as the
    /// evaluation left them, as `run(on:now:progress:shouldStop:)` does. The evaluation's
    /// records and the batches are one series of writes (`Store.writingSeries`), so the commit
    /// of the records does not copy the WAL into the store file on the writer's thread.
    /// Returns the pass's result and the customers as evaluated.
    public func run(
        on store: Store, now: Instant, evaluatingWith evaluate: (inout [Customer]) throws(StoreError) -> Void,
        progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }, shouldStop: () -> Bool = { false }
    ) throws(StoreError) -> (result: MaterializationResult, customers: [Customer]) {
        try store.writingSeries { () throws(StoreError) in
            let playbooks = Completions.playbooksDatedByTask(in: plannedPlaybooks)
            let completions = BackgroundResult { () throws(StoreError) in try store.completions(playbooksDatedByTask: playbooks) }
            let evaluated = Result { () throws(StoreError) in
                var customers = try store.customers()
                try evaluate(&customers)
                return customers
            }
            // Waited for even when the evaluation failed, so that no read outlives the pass.
            var run = self
            run.completions = try completions.value()
            let customers = try evaluated.get()
            run.customers = customers
            return (try run.run(on: store, now: now, progress: progress, shouldStop: shouldStop), customers)
        }
    }

    /// What `run(on:now:)` would change, task by task; the store is only read.
    public func preview(on store: Store) throws(StoreError) -> PlanPreview {
        var total = PlanPreview()
        try forEachBatch(of: store) { batch throws(StoreError) in
            total.add(
                try store.preview(
                    planned: batch.tasks, from: window.catchUpFrom, to: window.to, customers: batch.customers,
                    playbooks: playbookIDs, reasons: batch.reasons.reason))
        }
        return total
    }

    /// One batch of customers with the tasks a pass stores for them.
    private struct Batch: Sendable {
        var customers: Set<String>
        var tasks: [PlannedTask]
        var reasons: CancellationReasons
        /// What materializing the tasks reads, read with the plan when the pass reads ahead.
        var readAhead: ReadAhead?
    }

    /// Plans the stored customers batch by batch and hands each batch to `body`. With
    /// `readingAhead`, the series of transactions `body` writes in, each batch comes with what
    /// materializing it reads, read on the thread that plans it.
    private func forEachBatch(
        of store: Store, readingAhead: OutsideWrites? = nil, progress: (_ done: Int, _ total: Int) -> Void = { _, _ in },
        shouldStop: () -> Bool = { false }, _ body: (Batch) throws(StoreError) -> Void
    ) throws(StoreError) {
        var customers = if let customers { customers } else { try store.customers() }
        customers.apply(pendingStageChanges)
        let planned = plannedPlaybooks
        let completions =
            if let completions { completions } else {
                try store.completions(playbooksDatedByTask: Completions.playbooksDatedByTask(in: planned))
            }
        let planner = Planner(
            playbooks: planned, teamZone: zone, calendar: calendar, completions: completions,
            firings: Firings(try store.firings() + pendingFirings))
        try forEachBatch(
            of: customers, store: store, planner: planner, readingAhead: readingAhead, progress: progress, shouldStop: shouldStop, body)
    }

    /// Hands `customers` to `body` batch by batch, each planned while `body` has the one
    /// before: the planner is a pure function, so the next batch is planned on another core
    /// and planning leaves the pass's wall-clock time (a batch is written in about twice the
    /// time it is planned in). The first batch, with nothing to overlap, is planned on two
    /// cores at once. After `shouldStop` turns true no further batch is handed over.
    ///
    /// Sized by time, a batch's size follows from the time `body` took with the one before
    /// last (the one before is being written while it is planned), and from how long the
    /// pass then waited for the last one's plan.
    private func forEachBatch(
        of customers: [Customer], store: Store, planner: Planner, readingAhead: OutsideWrites?,
        progress: (_ done: Int, _ total: Int) -> Void, shouldStop: () -> Bool, _ body: (Batch) throws(StoreError) -> Void
    ) throws(StoreError) {
        var sizes = BatchSizes(batchSizing)
        var sliced = 0
        func nextSlice() -> [Customer]? {
            guard sliced < customers.count, !shouldStop() else { return nil }
            let end = min(sliced + sizes.next, customers.count)
            defer { sliced = end }
            return Array(customers[sliced..<end])
        }
        let clock = ContinuousClock()
        // Written batches are freed on a queue of their own (`release(_:on:)`); the pass ends
        // once they are, so that a daemon gives their memory back after it.
        let releases = DispatchQueue(label: "kizuna.planning-release")
        defer { releases.sync {} }
        var done = 0
        var upcoming = try nextSlice().map { customers throws(StoreError) in
            try batch(of: customers, store: store, planner: planner, outsideWrites: readingAhead?.count, halves: true)
        }
        while let batch = upcoming.take() {
            // Counted before the next batch reads: `body` writes the one before in the meantime.
            let outsideWrites = readingAhead?.count
            let next = nextSlice().map { customers in
                BackgroundResult { () throws(StoreError) in
                    try self.batch(of: customers, store: store, planner: planner, outsideWrites: outsideWrites)
                }
            }
            let started = clock.now
            let written = Result { () throws(StoreError) in try body(batch) }
            let wrote = clock.now
            // Waited for even when `body` failed, so no planning outlives the pass.
            let planned = next.map { next in Result { () throws(StoreError) in try next.value() } }
            sizes.record(customers: batch.customers.count, took: wrote - started, waited: clock.now - wrote)
            try written.get()
            done += batch.customers.count
            Self.release(consume batch, on: releases)
            progress(done, customers.count)
            upcoming = shouldStop() ? nil : try planned?.get()
        }
    }

    /// Frees a written batch on `queue`, off the writer's path: the hundreds of thousands of
    /// strings of a first pass's tasks took the writer a fifth of a second to free. Consumed,
    /// so that the queue holds the batch's last reference.
    private static func release(_ batch: consuming Batch, on queue: DispatchQueue) {
        queue.async { [batch] in withExtendedLifetime(batch) {} }
    }

    /// The playbooks the pass plans: those `playbookIDs` names, or all.
    private var plannedPlaybooks: [Playbook] {
        guard let playbookIDs else { return playbooks }
        return playbooks.filter { playbookIDs.contains($0.id) }
    }

    /// Plans one batch of customers against the pending tasks stored for them; with `halves`,
    /// half of them on another core. With `outsideWrites` (`OutsideWrites.count` before this
    /// reads anything) it reads what materializing the batch reads, too.
    private func batch(of customers: [Customer], store: Store, planner: Planner, outsideWrites: Int?, halves: Bool = false)
        throws(StoreError) -> Batch
    {
        let ids = Set(customers.map(\.id))
        // Those starting in the catch-up period are the ones the plan keeps; with the rest of
        // the window's, those materializing compares the plan with.
        let pending = try store.read { db in
            try store.pendingTasks(
                startingFrom: window.catchUpFrom, to: outsideWrites == nil ? window.from : window.to, customers: ids,
                playbooks: playbookIDs, in: db)
        }
        let catchUpEnd = window.from.secondsSinceEpoch
        let stored = Store.ids(of: pending.lazy.filter { $0.start < catchUpEnd })
        let middle = halves ? customers.count / 2 : customers.count
        let secondHalf = Array(customers[middle...])
        let second = halves
            ? BackgroundResult { () throws(Never) in self.splitTasks(for: secondHalf, planner: planner, stored: stored) } : nil
        let first = splitTasks(for: Array(customers[..<middle]), planner: planner, stored: stored)
        let rest = second?.value() ?? (past: [], current: [])
        // Each task copied once, in the order `tasks(for:planner:stored:)` gives them.
        var tasks: [PlannedTask] = []
        tasks.reserveCapacity(first.past.count + rest.past.count + first.current.count + rest.current.count)
        for part in [first.past, rest.past, first.current, rest.current] { tasks.append(contentsOf: part) }
        let readAhead = try outsideWrites.map { outsideWrites throws(StoreError) in
            let order = Store.firstOfEachID(tasks)
            let reads = try store.read { db in
                try store.materializationReads(
                    planned: tasks, order: order, from: window.catchUpFrom, to: window.to, customers: ids, playbooks: playbookIDs,
                    window: pending, in: db)
            }
            return ReadAhead(reads: reads, outsideWrites: outsideWrites)
        }
        return Batch(
            customers: ids, tasks: tasks, reasons: CancellationReasons(planner: planner, customers: customers, today: today),
            readAhead: readAhead)
    }

    /// The tasks a pass stores for `customers`: those starting in the window, and in the
    /// catch-up period the missed occurrences each play's `catch_up` policy keeps (the
    /// latest, all or none) and the pending tasks already `stored` that the playbooks still
    /// produce (the others are cancelled).
    public func tasks(for customers: [Customer], planner: Planner, stored: Set<TaskID>) -> [PlannedTask] {
        let tasks = splitTasks(for: customers, planner: planner, stored: stored)
        return tasks.past + tasks.current
    }

    /// `tasks(for:planner:stored:)`, those of the catch-up period apart.
    private func splitTasks(for customers: [Customer], planner: Planner, stored: Set<TaskID>)
        -> (past: [PlannedTask], current: [PlannedTask])
    {
        var planned = planner.tasks(for: customers, from: window.catchUpFrom, split: window.from, to: window.to)
        let policies = Dictionary(playbooks.map { ($0.id, $0.catchUp) }, uniquingKeysWith: { first, _ in first })
        let latest = Self.latestOccurrences(planned.before)
        var policy = (playbook: "", catchUp: CatchUpPolicy.latest)
        // The kept tasks moved to the front in order, not copied.
        var kept = 0
        for index in planned.before.indices {
            let playbook = planned.before[index].playbook
            // Looked up once per run of one playbook's tasks, not per task.
            if playbook != policy.playbook { policy = (playbook, policies[playbook] ?? .latest) }
            let caughtUp =
                switch policy.catchUp {
                case .latest: latest[index]
                case .all: true
                case .none: false
                }
            guard caughtUp || (!stored.isEmpty && stored.contains(planned.before[index].id)) else { continue }
            planned.before.swapAt(kept, index)
            kept += 1
        }
        planned.before.removeLast(planned.before.count - kept)
        return (planned.before, planned.after)
    }

    /// The team's date of the window's first day.
    var today: CivilDate { zone.localDateTime(at: window.from).date }

    /// Whether each task is of the latest occurrence of its play and customer: the
    /// occurrence whose earliest task starts last.
    ///
    /// The planner gives each play's tasks together, occurrence after occurrence in time
    /// order, so each run of one play is settled on its own by comparing neighbours, with one
    /// hash per run rather than three per task. Tasks in any other order are settled by
    /// `latestOccurrencesHashed`, which gives the same answer for every order.
    static func latestOccurrences(_ tasks: [PlannedTask]) -> [Bool] {
        var latest = [Bool](repeating: false, count: tasks.count)
        var plays: Set<Play> = []
        var start = 0
        while start < tasks.count {
            var end = start + 1
            while end < tasks.count, tasks[end].customer == tasks[start].customer, tasks[end].playbook == tasks[start].playbook {
                end += 1
            }
            guard plays.insert(Play(tasks[start])).inserted, markLatest(of: tasks, play: start..<end, in: &latest) else {
                let hashed = latestOccurrencesHashed(tasks)
                return tasks.map { hashed.contains($0.id) }
            }
            start = end
        }
        return latest
    }

    /// Marks the tasks of the latest occurrences among `play`'s tasks, one play's (several
    /// when their earliest starts tie); `false`, marking nothing, unless its occurrences come
    /// one run each, in increasing key order.
    private static func markLatest(of tasks: [PlannedTask], play: Range<Int>, in latest: inout [Bool]) -> Bool {
        let runs = occurrenceRuns(of: tasks, play: play)
        for (run, _) in runs.dropLast() where tasks[run.upperBound].occurrence <= tasks[run.lowerBound].occurrence { return false }
        guard let latestStart = runs.lazy.map(\.earliest).max() else { return true }
        for (run, earliest) in runs where earliest == latestStart {
            for index in run { latest[index] = true }
        }
        return true
    }

    /// The runs of tasks of one occurrence among `play`'s tasks, each with its earliest start.
    private static func occurrenceRuns(of tasks: [PlannedTask], play: Range<Int>) -> [(run: Range<Int>, earliest: Instant)] {
        var runs: [(run: Range<Int>, earliest: Instant)] = []
        var start = play.lowerBound
        while start < play.upperBound {
            var end = start + 1
            var earliest = tasks[start].start
            while end < play.upperBound, tasks[end].occurrence == tasks[start].occurrence {
                earliest = min(earliest, tasks[end].start)
                end += 1
            }
            runs.append((start..<end, earliest))
            start = end
        }
        return runs
    }

    /// `latestOccurrences(_:)` for tasks in any order: the ids of the tasks of the latest
    /// occurrence of each play and customer.
    static func latestOccurrencesHashed(_ tasks: [PlannedTask]) -> Set<TaskID> {
        var latest: [Play: Instant] = [:]
        var occurrenceStart: [Occurrence: Instant] = [:]
        for task in tasks {
            let occurrence = Occurrence(task)
            occurrenceStart[occurrence] = min(occurrenceStart[occurrence] ?? task.start, task.start)
        }
        for task in tasks {
            let start = occurrenceStart[Occurrence(task)] ?? task.start
            latest[Play(task)] = max(latest[Play(task)] ?? start, start)
        }
        return Set(tasks.lazy.filter { occurrenceStart[Occurrence($0)] == latest[Play($0)] }.map(\.id))
    }

    /// A play for one customer.
    private struct Play: Hashable {
        var playbook: String
        var customer: String

        init(_ task: PlannedTask) {
            playbook = task.playbook
            customer = task.customer
        }
    }

    /// One occurrence of a play for one customer.
    private struct Occurrence: Hashable {
        var play: Play
        var occurrence: String

        init(_ task: PlannedTask) {
            play = Play(task)
            occurrence = task.occurrence
        }
    }
}

extension MaterializationResult {
    /// Adds another result's counts to this one.
    mutating func add(_ other: MaterializationResult) {
        created += other.created
        updated += other.updated
        cancelled += other.cancelled
        unchanged += other.unchanged
        paused += other.paused
    }
}
