import KizunaCore

extension CustomerEvaluation {
    /// What an evaluation reads of all its customers at once, before it evaluates and records
    /// them chunk by chunk: their scores (from the signals the health model reads) and the
    /// signals the conditions read, but for `health`, which the scores it records make.
    struct Reads: Sendable {
        /// One score per customer, in the customers' order; none without a health model.
        var scores: [(customer: String, day: CivilDate, score: HealthScore)]
        var signals: SignalWindows
    }

    /// The reads of `customers` at `now`: many customers in one pass over each metric's
    /// window, a few customer by customer. Once `shouldStop` turns true no further metric is
    /// read, and what was read is incomplete.
    func reads(for customers: [Customer], on store: Store, now: Instant, shouldStop: @Sendable () -> Bool) throws(StoreError) -> Reads {
        let since = Self.windowStarts(of: conditionNeeds, now: now)
        let nothing = Reads(scores: [], signals: SignalWindows(customers: []))
        // Many customers: the scores (themselves read on both cores, one of them soon idle)
        // alongside the conditions' signals, whose windows are most often the longest read. A
        // few are read on this thread, which starts no worker thread for so little.
        let read: @Sendable (Bool) -> Result<Reads, StoreError> = { scoring in
            do throws(StoreError) {
                guard scoring else {
                    return .success(Reads(scores: [], signals: try store.signalWindows(since: since, of: customers.map(\.id), shouldStop: shouldStop)))
                }
                guard let health else { return .success(nothing) }
                return .success(Reads(scores: try scores(health, for: customers, on: store, now: now, shouldStop: shouldStop), signals: nothing.signals))
            } catch {
                return .failure(error)
            }
        }
        let parallel = health != nil && !since.isEmpty && Self.idsReadOneByOne(customers) == nil
        let parts = parallel ? [true, false].parallelMap(read) : [true, false].map(read)
        return Reads(scores: try parts[0].get().scores, signals: try parts[1].get().signals)
    }

    /// The series the lifecycle's and the triggers' conditions read (metric → days of history).
    var conditionNeeds: [String: Int] {
        let conditions = lifecycle.transitions.compactMap(\.when) + playbooks.compactMap { playbook -> Condition? in
            if case .condition(let condition, _) = playbook.trigger { condition } else { nil }
        }
        return conditions.reduce(into: [String: Int]()) { $0.merge($1.expression.seriesNeeds, uniquingKeysWith: max) }
    }

    /// The first instant, in seconds, of each signal series of `needs` (no `health`) that a
    /// condition can read at `now`, whatever the zone: the start of the day `days` before
    /// today in any zone is less than `days + 1` days and a daylight-saving hour before `now`.
    static func windowStarts(of needs: [String: Int], now: Instant) -> [String: Int64] {
        needs.filter { $0.key != "health" }.mapValues { days in now.secondsSinceEpoch - Int64(days + 2) * 86_400 }
    }
}
