/// A rule's occurrences from DTSTART on: the periods' occurrences without those before
/// DTSTART and without repeats, up to UNTIL and COUNT.
struct RecurrenceIterator: IteratorProtocol {
    /// `nil` once the sequence has ended.
    private var periods: RulePeriods?
    private let start: LocalDateTime
    private let until: RecurrenceRule.Until?
    private let zone: Zone
    /// The last day on which a period can begin and still hold an occurrence within UNTIL.
    /// A period can hold the day before its first: a day that SKIP=BACKWARD moved out of
    /// a month that lacks it.
    private let lastDay: Int
    private var remaining: Int?
    private var pending: ArraySlice<LocalDateTime> = []
    private var last: LocalDateTime?

    init(rule: RecurrenceRule, start: LocalDateTime, zone: Zone) {
        periods = (0...9999).contains(start.date.year) ? RulePeriods(rule: rule, start: start) : nil
        self.start = start
        until = rule.until
        self.zone = zone
        // A wall time is at most a day away from the UTC instant it shows.
        lastDay =
            switch rule.until {
            case nil: Int.max
            case .date(let date): date.dayNumber
            case .floating(let end): end.date.dayNumber
            case .utc(let end): zone.localDateTime(at: end).date.dayNumber + 1
            }
        remaining = rule.count
    }

    mutating func next() -> LocalDateTime? {
        while periods != nil {
            guard let candidate = pending.popFirst() else {
                guard let period = periods?.next(), period.firstDay - 1 <= lastDay else { break }
                pending = period.occurrences[...]
                continue
            }
            guard isWithinUntil(candidate) else { break }
            // A day that SKIP moves into the next month can repeat that month's first occurrence.
            guard candidate >= start, last.map({ candidate > $0 }) ?? true else { continue }
            last = candidate
            if let count = remaining {
                remaining = count - 1
                if count == 1 { periods = nil }
            }
            return candidate
        }
        periods = nil
        return nil
    }

    /// Whether `occurrence` is within UNTIL (inclusive).
    private func isWithinUntil(_ occurrence: LocalDateTime) -> Bool {
        switch until {
        case nil: true
        case .date(let date): occurrence.date <= date
        case .floating(let end): occurrence <= end
        case .utc(let end): zone.instant(for: occurrence) <= end
        }
    }
}
