import KizunaCore
import KizunaStore

extension Workspace {
    /// How many customers a pass evaluates and records at a time.
    static let evaluationChunk = 2_500

    /// The store's side of a planning pass at `now` over `window`: the customers evaluated
    /// (scores, stage changes, triggers), then planned and their tasks stored. With
    /// `playbooks`, only the triggers of those playbooks are evaluated and only those
    /// playbooks planned (see `PlanningRun.playbookIDs`). `timer` gets a lap per part; the
    /// pass ends early, between chunks and batches, when `shouldStop` turns true. Returns
    /// the customers as the pass left them (read once, then evaluated), for what else the
    /// pass works out from them.
    func plan(
        on store: Store, now: Instant, window: PlanningWindow, playbooks: Set<String>?, batchSizing: BatchSizing, timer: inout PassTimer,
        shouldStop: @Sendable () -> Bool
    ) throws(StoreError) -> (result: MaterializationResult, customers: [Customer]) {
        // A reload that changed nothing (a file saved as it was) has nothing to plan.
        guard playbooks?.isEmpty != true else { return (MaterializationResult(), []) }
        var run = PlanningRun(playbooks: self.playbooks, zone: configuration.zone, calendar: configuration.calendar, window: window)
        run.batchSizing = batchSizing
        run.playbookIDs = playbooks
        let evaluation = if let playbooks { triggerEvaluation(of: playbooks) } else { self.evaluation }
        // The evaluation's records and the planning's batches are one series of transactions:
        // the WAL is checkpointed on another connection, not by a commit of the records, whose
        // sync of the store file held up the chunks after it.
        let (result, customers) = try store.writingSeries { () throws(StoreError) in
            // The done tasks the planning needs are read on another core while the customers are
            // read and evaluated; waited for even when those fail, so no read outlives the pass.
            let completions = run.readingCompletions(on: store)
            let evaluated = Result { () throws(StoreError) in
                var customers = try store.customers()
                timer.lap("customers")
                // Every customer's signals are read at once, then the customers are evaluated and
                // recorded in chunks: a stop waits for one read or one chunk (a tenth of a second at
                // 2,500, where each chunk's three transactions cost little). Its stage changes and
                // the tasks its firings make are logged with the pass's changes.
                _ = try evaluation?.evaluate(&customers, on: store, now: now, chunkSize: Self.evaluationChunk, shouldStop: shouldStop)
                timer.lap("evaluation")
                return customers
            }
            run.completions = try completions.value()
            let customers = try evaluated.get()
            run.customers = customers
            return (try run.run(on: store, now: now, shouldStop: shouldStop), customers)
        }
        timer.lap("planning")
        return (result, customers)
    }
}
