/// A rule's occurrences from DTSTART on: the periods' occurrences without those before
/// DTSTART and without repeats, up to UNTIL and COUNT.
struct RecurrenceIterator: IteratorProtocol {
    /// `nil` once the sequence has ended.
    private var walker: RulePeriods?
    private let start: LocalDateTime
    private let until: RecurrenceRule.Until?
    private let zone: Zone
    private var remaining: Int?
    private var pending: ArraySlice<LocalDateTime> = []
    private var last: LocalDateTime?

    init(rule: RecurrenceRule, start: LocalDateTime, zone: Zone) {
        walker = (0...9999).contains(start.date.year) ? RulePeriods(rule: rule, start: start) : nil
        self.start = start
        until = rule.until
        self.zone = zone
        remaining = rule.count
    }

    mutating func next() -> LocalDateTime? {
        while walker != nil {
            guard let candidate = pending.popFirst() else {
                guard let period = walker?.next(), mayReach(period.firstDay) else { break }
                pending = period.occurrences[...]
                continue
            }
            guard isBeforeUntil(candidate) else { break }
            // A day that SKIP moves into the next month can repeat that month's first occurrence.
            guard candidate >= start, last.map({ candidate > $0 }) ?? true else { continue }
            last = candidate
            if let count = remaining {
                remaining = count - 1
                if count == 1 { walker = nil }
            }
            return candidate
        }
        walker = nil
        return nil
    }

    /// Whether `occurrence` is within UNTIL (inclusive).
    private func isBeforeUntil(_ occurrence: LocalDateTime) -> Bool {
        switch until {
        case nil: true
        case .date(let date): occurrence.date <= date
        case .floating(let end): occurrence <= end
        case .utc(let end): zone.instant(for: occurrence) <= end
        }
    }

    /// Whether a period that begins on `firstDay` can hold an occurrence within UNTIL. It can
    /// hold a day from the day before, which SKIP=BACKWARD moved out of a month that lacks it,
    /// and a wall time is at most a day away from the UTC instant it shows.
    private func mayReach(_ firstDay: Int) -> Bool {
        let lastDay =
            switch until {
            case nil: Int.max
            case .date(let date): date.dayNumber
            case .floating(let end): end.date.dayNumber
            case .utc(let end): zone.localDateTime(at: end).date.dayNumber + 1
            }
        return firstDay - 1 <= lastDay
    }
}
