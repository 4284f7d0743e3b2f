/// One state a service reports to its manager through `sd_notify` (see `sd_notify(3)`).
public enum NotifyState: Equatable, Sendable {
    /// Start-up is done (or a reload is): `READY=1`.
    case ready
    /// A line for `systemctl status`: `STATUS=…`.
    case status(String)
    /// The service is alive: `WATCHDOG=1`.
    case watchdog
    /// A reload started at a point on the monotonic clock: `RELOADING=1` and `MONOTONIC_USEC=`.
    case reloading(monotonicMicroseconds: UInt64)
    /// The service is shutting down: `STOPPING=1`.
    case stopping
    /// Start-up, reload or stop needs this much longer: `EXTEND_TIMEOUT_USEC=`.
    case extendTimeout(microseconds: UInt64)

    /// The state's `KEY=value` lines. A status keeps to one line: line breaks become spaces.
    public var assignments: [String] {
        switch self {
        case .ready: ["READY=1"]
        case .status(let text): ["STATUS=" + text.split(whereSeparator: \.isNewline).joined(separator: " ")]
        case .watchdog: ["WATCHDOG=1"]
        case .reloading(let microseconds): ["RELOADING=1", "MONOTONIC_USEC=\(microseconds)"]
        case .stopping: ["STOPPING=1"]
        case .extendTimeout(let microseconds): ["EXTEND_TIMEOUT_USEC=\(microseconds)"]
        }
    }

    /// The datagram that reports `states` together, one assignment a line.
    public static func message(_ states: [NotifyState]) -> String {
        states.flatMap(\.assignments).joined(separator: "\n")
    }
}
