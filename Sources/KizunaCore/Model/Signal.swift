/// One dated value of one health metric for one customer (logins, open tickets, an NPS answer).
public struct Signal: Hashable, Sendable {
    /// The customer's id.
    public var customer: String
    /// The metric's name (`logins`, `tickets_open`, `nps`).
    public var metric: String
    public var value: Double
    /// When the value was measured.
    public var instant: Instant
    /// The day the row gave, when it gave a date without a time: a day of the customer's
    /// calendar, which `dated(in:)` places at the start of that day in the customer's zone.
    public var day: CivilDate?

    public init(customer: String, metric: String, value: Double, instant: Instant, day: CivilDate? = nil) {
        self.customer = customer
        self.metric = metric
        self.value = value
        self.instant = instant
        self.day = day
    }

    /// The signal with a date-only value placed at the start of that day in `zone` (the
    /// customer's), so that it counts on that day of the customer's calendar.
    public func dated(in zone: Zone) -> Signal {
        guard let day else { return self }
        var signal = self
        signal.instant = zone.instant(for: LocalDateTime(date: day))
        return signal
    }
}
