extension Anchor {
    /// The wall time this anchor stands for in `context`, its offsets applied in order;
    /// `nil` when the customer has no such date (no renewal date yet).
    ///
    /// Instants (stage entered, customer since) are read as wall times in `context.zone`;
    /// dates (renewal date, a fixed date) stand for their midnight.
    public func resolved(in context: ScheduleContext) -> LocalDateTime? {
        let start: LocalDateTime
        switch base {
        case .stageEntered:
            guard let instant = context.stageEntered else { return nil }
            start = context.zone.localDateTime(at: instant)
        case .customerSince:
            guard let instant = context.customerSince else { return nil }
            start = context.zone.localDateTime(at: instant)
        case .renewalDate:
            guard let date = context.renewalDate else { return nil }
            start = LocalDateTime(date: date)
        case .date(let date):
            start = LocalDateTime(date: date)
        }
        return offsets.reduce(start) { $1.applied(to: $0, calendar: context.calendar) }
    }
}
