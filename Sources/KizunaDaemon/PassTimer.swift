/// Times the parts of a planning pass on the monotonic clock, for its log line:
/// "evaluation 120 ms, planning 480 ms".
struct PassTimer {
    private let start = ContinuousClock.now
    private var lapStart = ContinuousClock.now
    private var parts: [(name: String, milliseconds: Int)] = []

    /// Ends the part named `name`, begun at the previous lap (or the start).
    mutating func lap(_ name: String) {
        let now = ContinuousClock.now
        parts.append((name, Self.milliseconds(now - lapStart)))
        lapStart = now
    }

    /// The parts timed so far, "evaluation 120 ms, planning 480 ms".
    var laps: String { parts.map { "\($0.name) \($0.milliseconds) ms" }.joined(separator: ", ") }

    /// Milliseconds since the start.
    var total: Int { Self.milliseconds(ContinuousClock.now - start) }

    private static func milliseconds(_ duration: Duration) -> Int { Int(duration / .milliseconds(1)) }
}
