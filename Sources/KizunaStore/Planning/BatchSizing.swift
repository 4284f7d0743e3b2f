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
    /// more than they give; above `maximum` a batch's plan holds much memory for little gain
    /// (a plan a week later over 1,000,000 task rows took as long in batches of 20,000
    /// customers as of 34,000).
    static let minimum = 500
    static let maximum = 25_000
    /// A batch sized by time grows or shrinks by at most this factor from the one before it:
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
    /// `waited` for the plan of the next one. Sized by time, the next batch is sized to take
    /// the target at that speed, within `maxFactor` of the size `next` had until now and
    /// within the bounds; but a pass that waited for a plan longer than the write took is held
    /// back by planning, not writing (a pass that changes little): its batches do not grow,
    /// since larger ones would only hold more memory and leave more planning before the first
    /// write.
    ///
    /// A pass plans each batch while the one before is written, so when a write is measured the
    /// batch after it is already cut (at `next`), and the size worked out here is the one after
    /// that. Its bounds follow `next`, the latest size, not the batch measured: a pass whose
    /// writes quickly grow the batches does not fall back to the size of a batch cut two steps
    /// before. Each transaction also rewrites every page its rows touch in the indexes keyed by
    /// random task ids, so many small batches cost far more than a few large ones.
    mutating func record(customers: Int, took duration: Duration, waited: Duration = .zero) {
        guard case .timed(let target) = sizing, customers > 0 else { return }
        let latest = Double(next)
        let growth = waited > duration ? 1 : Self.maxFactor
        let atSpeed = duration > .zero ? Double(customers) * (target / duration) : .infinity
        let size = min(max(atSpeed, latest / Self.maxFactor), latest * growth)
        next = min(max(Int(size.rounded()), Self.minimum), Self.maximum)
    }
}
