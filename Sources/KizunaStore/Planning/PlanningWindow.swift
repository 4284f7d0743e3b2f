import KizunaCore

/// The span of time one planning pass covers, in the team's zone.
///
/// Tasks starting from the start of today to the end of the horizon are planned and kept in
/// line with the playbooks (created, moved, cancelled). Within `catchUp` before today,
/// missed occurrences are created as each play's `catch_up` policy says (by default only
/// the latest of each play and customer, like a systemd timer with `Persistent=true`);
/// pending tasks there that the playbooks no longer produce are cancelled. Older tasks are
/// left as they are.
public struct PlanningWindow: Hashable, Sendable {
    /// The start of the catch-up period.
    public var catchUpFrom: Instant
    /// The start of today: tasks starting from here on follow the playbooks.
    public var from: Instant
    /// The end of the horizon, excluded.
    public var to: Instant

    /// How far back a missed occurrence is caught up.
    public static let catchUp = CalendarSpan(31, .day)

    /// The window of a pass made at `now`: today, then `horizon` from now.
    public init(now: Instant, zone: Zone, horizon: CalendarSpan, calendar: BusinessCalendar) {
        let local = zone.localDateTime(at: now)
        let startOfToday = LocalDateTime(date: local.date)
        from = zone.instant(for: startOfToday)
        catchUpFrom = zone.instant(for: Self.catchUp.negated.applied(to: startOfToday, calendar: calendar))
        to = zone.instant(for: horizon.applied(to: local, calendar: calendar))
    }

    /// A window with explicit bounds.
    public init(catchUpFrom: Instant, from: Instant, to: Instant) {
        self.catchUpFrom = catchUpFrom
        self.from = from
        self.to = to
    }
}
