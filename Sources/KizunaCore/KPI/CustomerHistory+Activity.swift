extension CustomerHistory {
    /// The stage that marks a lost customer.
    public static let churnedStage = "churned"
    /// The stage new customers start in.
    public static let onboardingStage = "onboarding"

    /// The status changes of a customer who became one at the earlier of `since` and its first
    /// stage entry, and is lost while in `churned`; of changes at the same instant the last one
    /// holds (a customer whose first entry is `churned` never was one, as far as the store knows).
    static func statusChanges(since: Instant?, stages: [StageEntry]) -> [(at: Instant, active: Bool)] {
        guard let begin = [since, stages.first?.at].compactMap({ $0 }).min() else { return [] }
        let entries: [(at: Instant, active: Bool)] = [(begin, true)] + stages.map { ($0.at, $0.stage != churnedStage) }
        var changes: [(at: Instant, active: Bool)] = []
        for change in entries {
            if changes.last?.at == change.at { changes.removeLast() }
            changes.append(change)
        }
        return changes
    }

    /// Whether it was a customer just before `instant`: changes at `instant` belong to what follows.
    func isActive(before instant: Instant) -> Bool {
        statusChanges.last { $0.at < instant }?.active ?? false
    }

    /// Whether it became a customer (or came back from `churned`) in `[start, end)`.
    func won(in start: Instant, _ end: Instant) -> Bool {
        transitions(in: start, end).contains { $0.active }
    }

    /// The first instant in `[start, end)` at which it churned, `nil` when it did not.
    func loss(in start: Instant, _ end: Instant) -> Instant? {
        transitions(in: start, end).first { !$0.active }?.at
    }

    /// The status changes in `[start, end)` that changed something.
    private func transitions(in start: Instant, _ end: Instant) -> [(at: Instant, active: Bool)] {
        var active = false
        var result: [(at: Instant, active: Bool)] = []
        for change in statusChanges {
            if change.active != active, change.at >= start, change.at < end { result.append(change) }
            active = change.active
        }
        return result
    }

    /// The stage it was in just before `instant`.
    func stage(before instant: Instant) -> String? {
        stages.last { $0.at < instant }?.stage
    }

    /// Whether it was in onboarding at some moment of `[start, end)`.
    func wasOnboarding(in start: Instant, _ end: Instant) -> Bool {
        (stage(before: start) == Self.onboardingStage && isActive(before: start))
            || stages.contains { $0.stage == Self.onboardingStage && $0.at >= start && $0.at < end }
    }

    /// Whether it left onboarding for a later stage (not `churned`) in `[start, end)`.
    func completedOnboarding(in start: Instant, _ end: Instant) -> Bool {
        zip(stages, stages.dropFirst()).contains { previous, next in
            previous.stage == Self.onboardingStage && next.stage != Self.onboardingStage && next.stage != Self.churnedStage
                && next.at >= start && next.at < end
        }
    }

    /// Its ARR just before `instant`: the value recorded last before it, else the first one recorded.
    func arr(before instant: Instant) -> Double {
        (values.last { $0.at < instant } ?? values.first)?.arr ?? 0
    }

    /// Whether its ARR or seats grew over the value recorded before, in `[start, end)`.
    func expanded(in start: Instant, _ end: Instant) -> Bool {
        zip(values, values.dropFirst()).contains { previous, next in
            guard next.at >= start, next.at < end else { return false }
            return Self.grew(previous.arr, next.arr) || Self.grew(previous.seats.map(Double.init), next.seats.map(Double.init))
        }
    }

    private static func grew(_ old: Double?, _ new: Double?) -> Bool {
        guard let old, let new else { return false }
        return new > old
    }
}
