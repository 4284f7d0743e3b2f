/// How reminders and digests reach people (`channels`, `reminders`, `people`, `digest` in
/// `kizuna.yaml`; see docs/configuration.md).
public struct DeliverySettings: Hashable, Sendable {
    /// The channels the configuration declares, by name.
    public var channels: [String: ChannelSettings]
    /// The channels of a reminder that names none and whose recipient has no channels of their own.
    public var defaultChannels: [String]
    public var retry: RetryPolicy
    /// A reminder first sent more than this many seconds after its instant is marked late.
    public var lateAfterSeconds: Int64
    /// Addresses, channels and zones of people, by the name tasks use for them.
    public var people: [String: PersonSettings]
    /// The morning digest, when the configuration asks for one.
    public var digest: DigestSettings?

    /// The name of the log channel, which every reminder and digest goes to.
    public static let logChannel = "log"

    public init(
        channels: [String: ChannelSettings] = [:], defaultChannels: [String] = [], retry: RetryPolicy = RetryPolicy(),
        lateAfterSeconds: Int64 = 300, people: [String: PersonSettings] = [:], digest: DigestSettings? = nil
    ) {
        self.channels = channels
        self.defaultChannels = defaultChannels
        self.retry = retry
        self.lateAfterSeconds = lateAfterSeconds
        self.people = people
        self.digest = digest
    }

    /// The channels a message to `person` goes to: `named` when given (a reminder's `via`),
    /// else the person's own, else the defaults; always with the log first, each once.
    public func channels(for person: String, named: String? = nil) -> [String] {
        withLog(named.map { [$0] } ?? people[person]?.channels ?? defaultChannels)
    }

    /// The channels of `person`'s digest: the digest's own, else the person's reminder channels.
    public func digestChannels(for person: String) -> [String] {
        digest?.channels.map(withLog) ?? channels(for: person)
    }

    /// The log, then `channels` without repeats.
    private func withLog(_ channels: [String]) -> [String] {
        var seen: Set<String> = [Self.logChannel]
        return [Self.logChannel] + channels.filter { seen.insert($0).inserted }
    }
}

/// One declared channel: its name, what it runs, and how long an attempt may take.
public struct ChannelSettings: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// Runs `command` (program and arguments, no shell) with the message as JSON on stdin.
        case exec(command: [String])
        /// POSTs the message as JSON to `url`, or to the recipient's own address for this channel.
        case webhook(url: String?)
        /// Pipes a mail to `sendmail -t -i`, addressed to the recipient's address for this channel, else `to`.
        case mail(sendmail: String, from: String?, to: String?)
    }

    public var name: String
    public var kind: Kind
    /// How long one attempt may take before it is abandoned as failed.
    public var timeoutSeconds: Int64

    public static let defaultSendmail = "/usr/sbin/sendmail"

    public init(name: String, kind: Kind, timeoutSeconds: Int64 = 10) {
        self.name = name
        self.kind = kind
        self.timeoutSeconds = timeoutSeconds
    }
}

/// How failed attempts are retried: up to `attempts` in all, waiting `firstDelaySeconds`
/// after the first failure and twice as long after each further one, at most `maximumDelaySeconds`.
public struct RetryPolicy: Hashable, Sendable {
    public var attempts: Int
    public var firstDelaySeconds: Int64
    public var maximumDelaySeconds: Int64

    public init(attempts: Int = 8, firstDelaySeconds: Int64 = 60, maximumDelaySeconds: Int64 = 3_600) {
        self.attempts = attempts
        self.firstDelaySeconds = firstDelaySeconds
        self.maximumDelaySeconds = maximumDelaySeconds
    }

    /// How long to wait after the `failures`-th consecutive failure (1 for the first).
    public func delay(afterFailures failures: Int) -> Int64 {
        let doublings = min(max(failures - 1, 0), 40)
        return min(maximumDelaySeconds, firstDelaySeconds << Int64(doublings))
    }
}

/// What the configuration says of one person.
public struct PersonSettings: Hashable, Sendable {
    /// The person's address on a channel, by channel name (a mail address, a webhook URL, any text for `exec`).
    public var addresses: [String: String]
    /// The channels of the person's reminders and digest, instead of the defaults.
    public var channels: [String]?
    /// The zone of the person's morning, for the digest; the team's when `nil`.
    public var zone: Zone?

    public init(addresses: [String: String] = [:], channels: [String]? = nil, zone: Zone? = nil) {
        self.addresses = addresses
        self.channels = channels
        self.zone = zone
    }
}

/// The per-person morning digest: the day's list of each person with tasks, at a local time.
public struct DigestSettings: Hashable, Sendable {
    /// The local time the digest goes out, in each person's zone.
    public var at: LocalTime
    /// The channels of every digest, instead of each person's reminder channels.
    public var channels: [String]?

    public init(at: LocalTime, channels: [String]? = nil) {
        self.at = at
        self.channels = channels
    }
}
