import KizunaCore

/// What the daemon shows in `systemctl status`, as one line a person can read:
/// "128 customers · 9 due today · 2 overdue · next 10:00 onboarding follow-up, Acme".
public struct ServiceStatus: Equatable, Sendable {
    /// The next thing the daemon will do: a task coming due or a reminder to send.
    public struct Upcoming: Equatable, Sendable {
        public var at: Instant
        public var title: String
        public var customer: String

        public init(at: Instant, title: String, customer: String) {
            self.at = at
            self.title = title
            self.customer = customer
        }
    }

    public var customers: Int
    public var dueToday: Int
    public var overdue: Int
    public var next: Upcoming?

    public init(customers: Int, dueToday: Int, overdue: Int, next: Upcoming?) {
        self.customers = customers
        self.dueToday = dueToday
        self.overdue = overdue
        self.next = next
    }

    /// The line, with the next instant told in `zone` relative to `now`: "10:00" today,
    /// "tomorrow 10:00", "Tue 10:00" within the week, "2026-12-01 10:00" further on.
    public func line(now: Instant, zone: Zone) -> String {
        let counts = [
            customers == 1 ? "1 customer" : "\(customers) customers",
            "\(dueToday) due today",
            "\(overdue) overdue",
        ]
        guard let next else { return (counts + ["nothing scheduled"]).joined(separator: " · ") }
        let when = Self.relativeTime(of: zone.localDateTime(at: next.at), today: zone.localDateTime(at: now).date)
        return (counts + ["next \(when) \(next.title), \(next.customer)"]).joined(separator: " · ")
    }

    static func relativeTime(of local: LocalDateTime, today: CivilDate) -> String {
        let time = String(local.time.description.prefix(5))  // HH:MM, without seconds
        switch local.date.dayNumber - today.dayNumber {
        case 0: return time
        case 1: return "tomorrow " + time
        case 2...6: return local.date.weekday.name.prefix(1).uppercased() + local.date.weekday.name.dropFirst().prefix(2) + " " + time
        default: return "\(local.date) " + time
        }
    }
}
