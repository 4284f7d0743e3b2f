/// What expanding a schedule needs to know about one customer and the team.
public struct ScheduleContext: Hashable, Sendable {
    /// The zone the cadence's wall times are read in (the customer's, else the team's).
    public var zone: Zone
    public var calendar: BusinessCalendar
    /// The instant the customer entered its current stage.
    public var stageEntered: Instant?
    /// The instant the customer became a customer.
    public var customerSince: Instant?
    public var renewalDate: CivilDate?

    public init(
        zone: Zone, calendar: BusinessCalendar, stageEntered: Instant? = nil, customerSince: Instant? = nil,
        renewalDate: CivilDate? = nil
    ) {
        self.zone = zone
        self.calendar = calendar
        self.stageEntered = stageEntered
        self.customerSince = customerSince
        self.renewalDate = renewalDate
    }
}

/// One occurrence of a schedule.
public struct Occurrence: Hashable, Sendable, Comparable {
    /// The wall time of the grid point before any holiday move.
    public var nominal: LocalDateTime
    /// The wall time the occurrence lands on, after the holiday policy.
    public var local: LocalDateTime
    public var instant: Instant

    public init(nominal: LocalDateTime, local: LocalDateTime, instant: Instant) {
        self.nominal = nominal
        self.local = local
        self.instant = instant
    }

    /// Stable identity of the occurrence within its series: the nominal wall time,
    /// `2026-11-24T10:00:00`, so a holiday move keeps it. Task ids derive from it.
    /// (Built on demand: expansion produces millions of occurrences and few need a key.)
    public var key: String { nominal.description }

    public static func < (lhs: Occurrence, rhs: Occurrence) -> Bool {
        (lhs.instant, lhs.nominal) < (rhs.instant, rhs.nominal)
    }
}
