import Dispatch
import Synchronization

/// Runs an action on a queue once a burst of events has been quiet for `delay`, measured on
/// the monotonic clock: an editor's save, or a command's many writes, make one run.
final class Debouncer: Sendable {
    private let delay: DispatchTimeInterval
    private let queue: DispatchQueue
    private let action: @Sendable () -> Void
    /// Bumped by every event; a scheduled run that finds it changed leaves the work to a later one.
    private let generation = Atomic<Int>(0)

    init(delay: DispatchTimeInterval, queue: DispatchQueue, action: @escaping @Sendable () -> Void) {
        self.delay = delay
        self.queue = queue
        self.action = action
    }

    /// Notes an event: the action runs `delay` after the last one.
    func signal() {
        let current = generation.add(1, ordering: .relaxed).newValue
        queue.asyncAfter(deadline: .now() + delay) { [self] in
            if generation.load(ordering: .relaxed) == current { action() }
        }
    }
}
