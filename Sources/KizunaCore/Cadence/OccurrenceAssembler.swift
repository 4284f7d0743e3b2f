/// Turns nominal grid points (ascending wall times) into occurrences: moves or drops the
/// points on days off by the holiday policy, merges the points that land on the same
/// instant (keeping the earlier key), converts wall times to instants in the zone, and
/// yields them in order; optionally only the first `limit`, and only those at or after
/// `earliest` (counted before that filter, so a count runs from the grid start).
struct OccurrenceAssembler<Points: IteratorProtocol>: IteratorProtocol where Points.Element == LocalDateTime {
    /// How many points in a row the policy may drop before the series is taken to be
    /// empty ("every saturday", holidays skip), so that iteration always ends.
    static var skipLimit: Int { 10_000 }

    private var points: Points
    private let policy: HolidayPolicy
    private let calendar: BusinessCalendar
    private var zone: ZoneConverter
    private let earliest: Instant?
    private var remaining: Int
    /// The occurrences landing on one date, sorted and merged, and how many were handed out.
    private var batch: [Occurrence] = []
    private var batchPosition = 0
    /// A point already read that lands on a later date than the batch.
    private var lookahead: (point: LocalDateTime, landing: CivilDate)?
    /// The last date the policy was applied to and its result, for the other times of a day.
    private var cachedDay: (date: CivilDate, landing: CivilDate?)?

    init(points: Points, policy: HolidayPolicy, calendar: BusinessCalendar, zone: Zone, earliest: Instant?, limit: Int?) {
        self.points = points
        self.policy = policy
        self.calendar = calendar
        self.zone = ZoneConverter(zone)
        self.earliest = earliest
        remaining = limit ?? .max
    }

    mutating func next() -> Occurrence? {
        while remaining > 0 {
            let occurrence: Occurrence
            if batchPosition < batch.count {
                occurrence = batch[batchPosition]
                batchPosition += 1
            } else {
                guard let first = nextLandingDate() else { return nil }
                occurrence = first
            }
            remaining -= 1
            if let earliest, occurrence.instant < earliest { continue }
            return occurrence
        }
        return nil
    }

    /// The first occurrence on the next landing date; when more points land on that date,
    /// the others wait in `batch`, ordered and merged.
    private mutating func nextLandingDate() -> Occurrence? {
        guard let first = nextLanded() else { return nil }
        let firstOccurrence = occurrence(first)
        guard let second = nextLanded() else { return firstOccurrence }
        guard second.landing == first.landing else {
            lookahead = second
            return firstOccurrence
        }
        batch.removeAll(keepingCapacity: true)
        batch.append(firstOccurrence)
        var point = second
        var ordered = true
        while true {
            let next = occurrence(point)
            ordered = ordered && batch[batch.count - 1] < next
            batch.append(next)
            guard let following = nextLanded() else { break }
            guard following.landing == first.landing else {
                lookahead = following
                break
            }
            point = following
        }
        if !ordered { batch.sort() }
        // A wall time in a spring-forward gap lands on the same instant as the hour after it.
        var kept = 1
        for index in 1..<batch.count where batch[index].instant != batch[kept - 1].instant {
            batch[kept] = batch[index]
            kept += 1
        }
        batch.removeLast(batch.count - kept)
        batchPosition = 1
        return batch[0]
    }

    private mutating func occurrence(_ point: (point: LocalDateTime, landing: CivilDate)) -> Occurrence {
        let local = point.landing == point.point.date ? point.point : LocalDateTime(date: point.landing, time: point.point.time)
        return Occurrence(nominal: point.point, local: local, instant: zone.instant(for: local))
    }

    /// The next point that the holiday policy keeps, with the date it lands on.
    private mutating func nextLanded() -> (point: LocalDateTime, landing: CivilDate)? {
        if let point = lookahead {
            lookahead = nil
            return point
        }
        var skipped = 0
        while skipped < Self.skipLimit, let point = points.next() {
            if policy == .keep { return (point, point.date) }
            if cachedDay?.date != point.date {
                cachedDay = (point.date, policy.apply(to: point.date, in: calendar))
            }
            if let landing = cachedDay?.landing { return (point, landing) }
            skipped += 1
        }
        return nil
    }
}
