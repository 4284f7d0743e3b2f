import Dispatch
import Foundation
import KizunaCore

/// The daemon's clock: the system's wall clock, or, for tests and demonstrations, a virtual
/// clock that starts at a given instant (`KIZUNA_NOW`) and runs `rate` times as fast
/// (`KIZUNA_CLOCK_RATE`, `--clock-rate`). Timer deadlines are virtual instants converted to
/// real wall-clock time, so an accelerated daemon reaches next midnight in seconds.
public struct DaemonClock: Sendable, Hashable {
    /// The environment variable giving the clock's rate.
    public static let rateVariable = "KIZUNA_CLOCK_RATE"

    /// The virtual time at `realStart`, in seconds since the epoch.
    private let virtualStart: Double
    /// The real wall-clock time the clock started, in seconds since the epoch.
    private let realStart: Double
    /// Virtual seconds per real second.
    public let rate: Double

    /// A clock reading `start` (else the real time) now and running `rate` times as fast.
    public init(start: Instant? = nil, rate: Double = 1, realNow: Date = Date()) {
        realStart = realNow.timeIntervalSince1970
        virtualStart = start.map { Double($0.secondsSinceEpoch) } ?? realStart
        self.rate = rate
    }

    /// Whether the clock is the system's own.
    public var isSystemClock: Bool { virtualStart == realStart && rate == 1 }

    /// The virtual instant at real time `real`.
    public func now(real: Date = Date()) -> Instant {
        Instant(secondsSinceEpoch: Int64((virtualStart + (real.timeIntervalSince1970 - realStart) * rate).rounded(.down)))
    }

    /// The real wall-clock time, in seconds since the epoch, at which the clock reads `instant`.
    public func realSeconds(at instant: Instant) -> Double {
        realStart + (Double(instant.secondsSinceEpoch) - virtualStart) / rate
    }

    /// A Dispatch wall-clock deadline (CLOCK_REALTIME) at which the clock reads `instant`.
    func wallDeadline(at instant: Instant) -> DispatchWallTime {
        let seconds = realSeconds(at: instant)
        let whole = seconds.rounded(.down)
        return DispatchWallTime(timespec: timespec(tv_sec: Int(whole), tv_nsec: Int((seconds - whole) * 1_000_000_000)))
    }

    /// The rate `KIZUNA_CLOCK_RATE` gives, 1 when it is unset.
    ///
    /// - Throws: a diagnostic when it is not a positive number.
    public static func rate(environment: [String: String]) throws(Diagnostic) -> Double {
        guard let text = environment[rateVariable], !text.isEmpty else { return 1 }
        guard let rate = Double(text), rate > 0, rate.isFinite else {
            throw Diagnostic("\(rateVariable): expected a positive number of virtual seconds per second, found `\(text)`")
        }
        return rate
    }
}
