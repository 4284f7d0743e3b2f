import Dispatch

/// Sends `WATCHDOG=1` at half the interval systemd expects (`WatchdogSec=`), from a timer on
/// the queue whose liveness it vouches for: if that queue is blocked, the pings stop and
/// systemd restarts the service.
public final class WatchdogPinger: Sendable {
    /// Dispatch sources are safe to use from any thread; Dispatch does not mark them Sendable.
    nonisolated(unsafe) private let timer: any DispatchSourceTimer
    /// The time between pings: half the manager's interval.
    public let period: Duration

    /// A pinger on `queue`, or `nil` when the manager expects no pings (no `WATCHDOG_USEC`,
    /// or one meant for another process). Call ``start()`` once the service is ready.
    public init?(notifier: Notifier, queue: DispatchQueue) throws(SystemdError) {
        guard let interval = try notifier.watchdogInterval() else { return nil }
        period = interval / 2
        let nanoseconds = Int(clamping: period.components.seconds * 1_000_000_000 + period.components.attoseconds / 1_000_000_000)
        timer = DispatchSource.makeTimerSource(queue: queue)
        // Monotonic deadlines: a wall-clock change must not delay or hurry the pings.
        timer.schedule(deadline: .now(), repeating: .nanoseconds(nanoseconds), leeway: .nanoseconds(nanoseconds / 10))
        timer.setEventHandler { @Sendable in _ = try? notifier.send(.watchdog) }
    }

    /// Starts pinging (the first ping at once).
    public func start() { timer.resume() }

    /// Stops pinging for good (on stop).
    public func cancel() { timer.cancel() }
}
