/// How many customers a planning pass writes per transaction.
public enum BatchSizing: Sendable, Equatable {
    /// Always this many (1 or more).
    case fixed(Int)
    /// As many as the writer writes in about `target`, worked out from the write before
    /// (`TimedBatchSizes`): a quiet machine writes in few large transactions, a busy one in
    /// smaller ones, and a write of another process waits about `target` at most.
    case timed(target: Duration)

    /// About a second of a pass's write per transaction: far below a write's busy timeout
    /// (5 s), and long enough that a pass of 100,000 customers commits a handful of times.
    public static let standard = BatchSizing.timed(target: .seconds(1))
}

/// The sizes of the batches of a pass, one after the other: fixed, or each sized by time from
/// how fast the write before went.
///
/// Pure: the caller measures each write and passes its duration, so the sizes follow from the
/// durations alone.
struct BatchSizes: Sendable, Equatable {
    /// The first batch's size when sized by time, before any write is measured.
    static let initial = 5_000
    /// Bounds of a batch sized by time: below `minimum` the pauses between transactions cost
    /// more than they give; above `maximum` a batch's plan holds much memory for little gain.
    static let minimum = 500
    static let maximum = 50_000
    /// A batch sized by time grows or shrinks by at most this factor from the one measured:
    /// one write slowed by something else does not swing the next far.
    static let maxFactor = 2.0

    let sizing: BatchSizing
    /// The size of the next batch.
    private(set) var next: Int

    init(_ sizing: BatchSizing) {
        self.sizing = sizing
        next =
            switch sizing {
            case .fixed(let size): max(1, size)
            case .timed: Self.initial
            }
    }

    /// Records that a batch of `customers` was written in `duration`, after which the pass
    /// `waited` for the next batch's plan. Sized by time, the next batch is sized to take the
    /// target at the same speed, within `maxFactor` of `customers` and the bounds; but when
    /// the wait was more than a tenth of the write, planning, not writing, holds the pass back
    /// (a pass that changes little), and larger batches would only plan more before the first
    /// write and write more after the last plan: the size then only shrinks.
    mutating func record(customers: Int, took duration: Duration, waited: Duration = .zero) {
        guard case .timed(let target) = sizing, customers > 0 else { return }
        let growth = waited * 10 > duration ? 1 : Self.maxFactor
        let factor = duration > .zero ? min(max(target / duration, 1 / Self.maxFactor), growth) : growth
        next = min(max(Int((Double(customers) * factor).rounded()), Self.minimum), Self.maximum)
    }
}
