import KizunaCore

/// What the store recorded after a ``StoreChanges/Cursor``: the tasks the planning engine
/// created, moved or cancelled, and the customers' stage changes. A daemon logs them, one
/// entry per customer event, so that a customer's history can be found in its log.
public struct StoreChanges: Sendable {
    /// Where a reader left off: the last task event and stage change it saw.
    public struct Cursor: Equatable, Sendable {
        var taskEvent: Int64
        /// The last task row: a task's creation is its row, not an event.
        var task: Int64
        var stageChange: Int64
    }

    /// A task the planning engine created, moved or cancelled.
    public struct TaskChange: Sendable {
        public var kind: TaskEvent.Kind
        public var task: TaskID
        public var customer: String
        public var playbook: String
        public var title: String
        /// The move's dates, or the cancellation's reason.
        public var note: String?
    }

    /// A customer that entered a stage.
    public struct StageChange: Sendable {
        public var customer: String
        public var stage: String
        /// Who or what moved it (an import, `kizuna customer set-stage`).
        public var cause: String
    }

    /// The changes, when there were at most the limit asked for; else empty.
    public var tasks: [TaskChange] = []
    public var stages: [StageChange] = []
    /// How many there were, listed or not.
    public var taskCount = 0
    public var stageCount = 0
    /// Where the next read starts.
    public var cursor: Cursor
}
