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
        let passed = try run.run(
            on: store, now: now,
            evaluatingWith: { customers throws(StoreError) in
                timer.lap("customers")
                // Every customer's signals are read at once, then the customers are evaluated and
                // recorded in chunks: a stop waits for one read or one chunk (a tenth of a second at
                // 2,500, where each chunk's three transactions cost little). Its stage changes and
                // the tasks its firings make are logged with the pass's changes.
                _ = try evaluation?.evaluate(&customers, on: store, now: now, chunkSize: Self.evaluationChunk, shouldStop: shouldStop)
                timer.lap("evaluation")
            }, shouldStop: shouldStop)
        timer.lap("planning")
        return passed
    }
}
