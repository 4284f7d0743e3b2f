/// The occurrences of a friendly cadence for one customer, lazily and in order.
///
/// The grid starts at the cadence's `from` anchor resolved in the context (else at the
/// `anchor` given); times are read in `context.zone`; the holiday policy moves or drops
/// dates on days off; `until` bounds the grid (inclusive) and `for N times` counts from
/// its start. An after-completion cadence yields one occurrence: the next one due.
public struct CadenceIterator: IteratorProtocol, Sequence {
    /// `nil` when the cadence cannot start (its `from` anchor is a date the customer lacks).
    private var assembler: OccurrenceAssembler<CadenceGrid>?

    /// - Parameters:
    ///   - anchor: where the grid starts when the cadence names no `from`.
    ///   - from: when given, occurrences before this instant are not produced; the iterator
    ///     jumps to it arithmetically unless a count makes it count from the grid start.
    ///   - lastCompletion: when the previous occurrence was done (after-completion cadences).
    public init(
        cadence: Cadence, anchor: LocalDateTime, context: ScheduleContext, from: Instant? = nil,
        lastCompletion: Instant? = nil
    ) {
        guard var start = cadence.start.map({ $0.resolved(in: context) }) ?? anchor else { return }
        var until: CivilDate?
        var limit: Int?
        switch cadence.end {
        case .until(let anchor): until = anchor.resolved(in: context)?.date
        case .count(let count): limit = count
        case nil: break
        }
        var interval = cadence.interval
        var scanFrom: CivilDate?
        if cadence.recurrence == .afterCompletion {
            if let lastCompletion {
                let done = LocalDateTime(date: context.zone.localDateTime(at: lastCompletion).date)
                start = Swift.max(start, CalendarSpan(cadence.interval, cadence.frequency.spanUnit).applied(to: done, calendar: context.calendar))
            }
            (interval, limit) = (1, 1)
        } else if limit == nil, let from {
            scanFrom = Self.scanStart(for: from, policy: cadence.holidays, context: context)
        }
        let times =
            switch cadence.times.count {
            case 0: [Self.defaultTime]
            case 1: cadence.times
            default: Array(Set(cadence.times)).sorted()
            }
        let grid = CadenceGrid(
            frequency: cadence.frequency, interval: interval, days: cadence.days, times: times,
            calendar: context.calendar, start: start, scanFrom: scanFrom, until: until)
        assembler = OccurrenceAssembler(
            points: grid, policy: cadence.holidays, calendar: context.calendar, zone: context.zone, earliest: from,
            limit: limit)
    }

    /// The time of day of a cadence with no `at`: the start of the working day.
    public static let defaultTime = LocalTime(hour: 9, minute: 0)!

    public mutating func next() -> Occurrence? {
        assembler?.next()
    }

    /// The earliest date whose grid points can land at or after `from`: a day early for
    /// the zone's offset, and, when holidays move dates forward, back to the day after
    /// the last business day before it (earlier points land before that day).
    private static func scanStart(for from: Instant, policy: HolidayPolicy, context: ScheduleContext) -> CivilDate {
        let day = context.zone.localDateTime(at: from).date.adding(days: -1)
        guard policy == .next else { return day }
        return context.calendar.businessDay(onOrBefore: day.adding(days: -1)).adding(days: 1)
    }
}

extension Cadence.Frequency {
    /// The span of one period, for counting from a completion.
    var spanUnit: CalendarSpan.Unit {
        switch self {
        case .day: .day
        case .businessDay: .businessDay
        case .week: .week
        case .month: .month
        case .quarter: .quarter
        case .year: .year
        }
    }
}
