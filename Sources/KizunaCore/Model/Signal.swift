/// One dated value of one health metric for one customer (logins, open tickets, an NPS answer).
public struct Signal: Hashable, Sendable {
    /// The customer's id.
    public var customer: String
    /// The metric's name (`logins`, `tickets_open`, `nps`).
    public var metric: String
    public var value: Double
    /// When the value was measured.
    public var instant: Instant

    public init(customer: String, metric: String, value: Double, instant: Instant) {
        self.customer = customer
        self.metric = metric
        self.value = value
        self.instant = instant
    }
}
