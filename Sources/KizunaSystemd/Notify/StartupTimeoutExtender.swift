import Dispatch

/// Asks the service manager for more time (`EXTEND_TIMEOUT_USEC=`) every `period` while a
/// long start-up runs (a store migration, a first plan over many customers), so that a
/// start that is working is not killed at `TimeoutStartSec=`. A short start-up sends nothing.
public final class StartupTimeoutExtender: Sendable {
    /// Dispatch sources are safe to use from any thread; Dispatch does not mark them Sendable.
    nonisolated(unsafe) private let timer: any DispatchSourceTimer

    /// Starts at once: the first request goes out after `period`, each for `period` × 3, so
    /// that one late datagram does not end the start. Call ``cancel()`` when the service is ready.
    public init(notifier: Notifier, period: Duration = .seconds(1)) {
        let nanoseconds = Int(clamping: period.components.seconds * 1_000_000_000 + period.components.attoseconds / 1_000_000_000)
        let extensionMicroseconds = UInt64(nanoseconds / 1_000) * 3
        // Its own queue: the start-up it vouches for keeps the daemon's queue busy.
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "kizunad.startup-timeout"))
        timer.schedule(deadline: .now() + .nanoseconds(nanoseconds), repeating: .nanoseconds(nanoseconds))
        timer.setEventHandler { @Sendable in _ = try? notifier.send(.extendTimeout(microseconds: extensionMicroseconds)) }
        timer.resume()
    }

    /// Stops asking (the service is ready, or stops).
    public func cancel() { timer.cancel() }
}
