import KizunaCore

/// One line of a customer's timeline: a stage change, or something that happened to one of its tasks.
public struct TimelineEntry: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// The customer entered `stage`; `cause` says why (`import`, a transition's name).
        case stageChanged(stage: String, cause: String)
        /// Something happened to one of the customer's tasks, titled `title`.
        case task(TaskEvent, title: String)
    }

    public var at: Instant
    public var kind: Kind

    public init(at: Instant, kind: Kind) {
        self.at = at
        self.kind = kind
    }
}
