import KizunaCore
import KizunaStore

/// Where one message stands on one channel, from the attempts recorded for it.
struct ChannelProgress {
    enum Step: Equatable {
        /// Sent; nothing more to do.
        case delivered
        /// Failed on every allowed attempt; nothing more to try.
        case gaveUp
        /// To be tried now.
        case tryNow
        /// Failed; to be tried again at this instant.
        case retry(at: Instant)
    }

    let step: Step

    /// The step of a channel with `attempts` (of this channel only, oldest first) at `now`.
    init(attempts: [DeliveryAttempt], policy: RetryPolicy, now: Instant) {
        if attempts.contains(where: { $0.outcome == .delivered }) {
            step = .delivered
        } else if attempts.count >= policy.attempts {
            step = .gaveUp
        } else if let last = attempts.last {
            let next = last.at.adding(seconds: policy.delay(afterFailures: attempts.count))
            step = next <= now ? .tryNow : .retry(at: next)
        } else {
            step = .tryNow
        }
    }

    /// Whether the channel needs nothing more.
    var isSettled: Bool { step == .delivered || step == .gaveUp }

    /// The steps of `channels` for a message with `attempts` on any channel.
    static func of(_ channels: [String], attempts: [DeliveryAttempt], policy: RetryPolicy, now: Instant) -> [(String, ChannelProgress)] {
        channels.map { channel in
            (channel, ChannelProgress(attempts: attempts.filter { $0.channel == channel }, policy: policy, now: now))
        }
    }
}
