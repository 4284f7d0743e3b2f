import CSystemd

#if canImport(Glibc)
    import Glibc
#endif

/// Tells the service manager how the service is doing, through `sd_notify(3)`.
///
/// Outside systemd (no `NOTIFY_SOCKET`) every call does nothing and returns `false`, so a
/// daemon can report unconditionally.
public struct Notifier: Sendable {
    public init() {}

    /// Sends `states` in one datagram. Returns whether a manager was there to receive it.
    @discardableResult
    public func send(_ states: NotifyState...) throws(SystemdError) -> Bool {
        try send(states)
    }

    /// Sends `states` in one datagram. Returns whether a manager was there to receive it.
    @discardableResult
    public func send(_ states: [NotifyState]) throws(SystemdError) -> Bool {
        let result = sd_notify(0, NotifyState.message(states))
        if result < 0 { throw SystemdError(function: "sd_notify", errno: -result) }
        return result > 0
    }

    /// Reports that a reload starts now (`RELOADING=1` with the monotonic clock's reading).
    @discardableResult
    public func reloading() throws(SystemdError) -> Bool {
        try send(.reloading(monotonicMicroseconds: Self.monotonicMicroseconds()))
    }

    /// How often the manager expects `WATCHDOG=1`, or `nil` when the watchdog is off
    /// (`sd_watchdog_enabled(3)`: `WATCHDOG_USEC`, and `WATCHDOG_PID` if set, name this process).
    /// Ping at half this interval.
    public func watchdogInterval() throws(SystemdError) -> Duration? {
        var microseconds: UInt64 = 0
        let result = sd_watchdog_enabled(0, &microseconds)
        if result < 0 { throw SystemdError(function: "sd_watchdog_enabled", errno: -result) }
        return result > 0 ? .microseconds(Int64(clamping: microseconds)) : nil
    }

    /// `CLOCK_MONOTONIC` in microseconds, the clock `MONOTONIC_USEC=` is read on.
    static func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
    }
}
