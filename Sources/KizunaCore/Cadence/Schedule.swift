/// When a play fires: a friendly cadence or an RFC 5545 recurrence rule.
public enum Schedule: Hashable, Sendable {
    case cadence(Cadence)
    /// An RRULE with its RFC 5545 meaning; its DTSTART is the anchor, and the holiday
    /// policy (`keep` unless declared) moves or drops occurrences on days off.
    case rrule(RecurrenceRule, holidays: HolidayPolicy)

    /// Reads the one-line form: `RRULE:…` (or `FREQ=…`) or a friendly cadence.
    public static func parse(_ text: String) throws(SyntaxError) -> Schedule {
        let leading = text.unicodeScalars.prefix { $0.properties.isWhitespace }.count
        let rule = String(text.unicodeScalars.dropFirst(leading))
        let head = rule.prefix(6).uppercased()
        guard head.hasPrefix("RRULE:") || head.hasPrefix("FREQ=") else { return .cadence(try CadenceParser.parse(text)) }
        do {
            return .rrule(try RecurrenceRule(parsing: rule), holidays: .keep)
        } catch {
            throw SyntaxError(error.message, at: error.offset + leading, hint: error.hint)
        }
    }

    /// The occurrences whose instants fall in `[from, to)`, ascending.
    ///
    /// - Parameters:
    ///   - anchor: where the grid starts when the cadence names no `start`; for an RRULE, DTSTART.
    ///   - lastCompletion: when the previous occurrence was done, for after-completion cadences.
    public func occurrences(
        from: Instant, to: Instant, anchor: LocalDateTime, context: ScheduleContext, lastCompletion: Instant? = nil
    ) -> [Occurrence] {
        var result: [Occurrence] = []
        for occurrence in occurrences(from: from, anchor: anchor, context: context, lastCompletion: lastCompletion) {
            guard occurrence.instant < to else { break }
            result.append(occurrence)
        }
        return result
    }

    /// The occurrences at or after `from` (all of them when `nil`), lazily and ascending:
    /// `schedule.occurrences(from: now, anchor: …, context: …).prefix(10)` is the next ten.
    public func occurrences(
        from: Instant? = nil, anchor: LocalDateTime, context: ScheduleContext, lastCompletion: Instant? = nil
    ) -> ScheduleIterator {
        switch self {
        case .cadence(let cadence):
            ScheduleIterator(
                cadence: CadenceIterator(
                    cadence: cadence, anchor: anchor, context: context, from: from, lastCompletion: lastCompletion))
        case .rrule(let rule, let holidays):
            ScheduleIterator(
                rule: OccurrenceAssembler(
                    points: rule.occurrences(from: anchor, zone: context.zone).makeIterator(), policy: holidays,
                    calendar: context.calendar, zone: context.zone, earliest: from, limit: nil))
        }
    }
}

/// The occurrences of a `Schedule`, lazily and in order.
public struct ScheduleIterator: IteratorProtocol, Sequence {
    private var cadence: CadenceIterator?
    private var rule: OccurrenceAssembler<AnyIterator<LocalDateTime>>?

    init(cadence: CadenceIterator) {
        self.cadence = cadence
    }

    init(rule: OccurrenceAssembler<AnyIterator<LocalDateTime>>) {
        self.rule = rule
    }

    public mutating func next() -> Occurrence? {
        cadence != nil ? cadence!.next() : rule!.next()
    }
}
