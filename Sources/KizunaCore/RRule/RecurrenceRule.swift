/// An RFC 5545 recurrence rule (`RRULE:FREQ=MONTHLY;BYDAY=-1FR`), with RFC 7529's
/// `RSCALE`/`SKIP` where given.
public struct RecurrenceRule: Hashable, Sendable {
    /// Reads `RRULE:…` or the bare `FREQ=…;…` form.
    public init(parsing text: String) throws(SyntaxError) {
        fatalError("pending")
    }

    /// The rule's occurrences as wall times, from `start` (DTSTART) on, ascending and lazily.
    /// `zone` is needed only to compare with an `UNTIL` given in UTC.
    public func occurrences(from start: LocalDateTime, zone: Zone) -> AnySequence<LocalDateTime> {
        fatalError("pending")
    }
}
