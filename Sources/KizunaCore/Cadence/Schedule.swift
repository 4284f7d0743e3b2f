/// When a play fires: a friendly cadence or an RFC 5545 recurrence rule.
public enum Schedule: Hashable, Sendable {
    case cadence(Cadence)
    /// An RRULE with its RFC 5545 meaning; its DTSTART is the anchor, and the holiday
    /// policy (`keep` unless declared) moves or drops occurrences on days off.
    case rrule(RecurrenceRule, holidays: HolidayPolicy)

    /// Reads the one-line form: `RRULE:…` or a friendly cadence.
    public static func parse(_ text: String) throws(SyntaxError) -> Schedule {
        fatalError("pending")
    }

    /// The occurrences whose instants fall in `[from, to)`, ascending.
    ///
    /// - Parameters:
    ///   - anchor: where the grid starts when the cadence names no `start`; for an RRULE, DTSTART.
    ///   - lastCompletion: when the previous occurrence was done, for after-completion cadences.
    public func occurrences(
        from: Instant, to: Instant, anchor: LocalDateTime, context: ScheduleContext, lastCompletion: Instant? = nil
    ) -> [Occurrence] {
        fatalError("pending")
    }
}
