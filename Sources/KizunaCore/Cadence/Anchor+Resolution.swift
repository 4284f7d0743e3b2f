extension Anchor {
    /// The anchor's date for one customer, offsets applied; `nil` when the customer lacks
    /// the date it is based on (no renewal date, say).
    public func date(in context: ScheduleContext) -> CivilDate? {
        let baseDate: CivilDate
        switch base {
        case .stageEntered:
            guard let instant = context.stageEntered else { return nil }
            baseDate = context.zone.localDateTime(at: instant).date
        case .customerSince:
            guard let instant = context.customerSince else { return nil }
            baseDate = context.zone.localDateTime(at: instant).date
        case .renewalDate:
            guard let date = context.renewalDate else { return nil }
            baseDate = date
        case .date(let date):
            baseDate = date
        }
        return offsets.reduce(LocalDateTime(date: baseDate)) { $1.applied(to: $0, calendar: context.calendar) }.date
    }
}
