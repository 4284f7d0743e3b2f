import Foundation
import Synchronization

/// An IANA time zone with fast, exact conversions between wall time and instants.
///
/// The rules come from Foundation's `TimeZone` (the system's tz database); the zone's
/// transitions between 1900 and 2200 are read once into a sorted table, because asking
/// `TimeZone` for every occurrence would cost microseconds each and the cadence engine
/// expands millions. Outside that range Foundation answers directly.
public final class Zone: Sendable, Hashable, CustomStringConvertible {
    /// The IANA identifier, `Europe/London`.
    public let identifier: String
    private let timeZone: TimeZone
    /// Instants (seconds since the epoch) at which the offset changes, ascending.
    private let transitions: [Int64]
    /// `offsets[i]` is in force before `transitions[i]`; the last entry after the last transition.
    private let offsets: [Int32]
    private static let tableStart: Int64 = -2_208_988_800  // 1900-01-01
    private static let tableEnd: Int64 = 7_258_118_400  // 2200-01-01
    private static let cache = Mutex<[String: Zone]>([:])

    /// Coordinated Universal Time.
    public static let utc = Zone(timeZone: TimeZone(identifier: "UTC")!, identifier: "UTC")

    /// The zone with this IANA identifier, or `nil` when the tz database has no such zone.
    public static func named(_ identifier: String) -> Zone? {
        if let cached = cache.withLock({ $0[identifier] }) { return cached }
        guard identifier.contains("/") || identifier == "UTC" || identifier == "GMT",
            let timeZone = TimeZone(identifier: identifier)
        else { return nil }
        let zone = Zone(timeZone: timeZone, identifier: identifier)
        return cache.withLock { cache in
            if let raced = cache[identifier] { return raced }
            cache[identifier] = zone
            return zone
        }
    }

    /// The zone the system is set to (`TZ`, `/etc/localtime`), UTC when it cannot be told.
    public static var system: Zone {
        named(TimeZone.current.identifier) ?? .utc
    }

    private init(timeZone: TimeZone, identifier: String) {
        self.identifier = identifier
        self.timeZone = timeZone
        var transitions: [Int64] = []
        var offsets: [Int32] = [Int32(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(Self.tableStart))))]
        var cursor = Date(timeIntervalSince1970: TimeInterval(Self.tableStart))
        while let next = timeZone.nextDaylightSavingTimeTransition(after: cursor),
            next.timeIntervalSince1970 < TimeInterval(Self.tableEnd), next > cursor
        {
            let offset = Int32(timeZone.secondsFromGMT(for: next))
            if offset != offsets.last {
                transitions.append(Int64(next.timeIntervalSince1970))
                offsets.append(offset)
            }
            cursor = next
        }
        self.transitions = transitions
        self.offsets = offsets
    }

    /// Seconds east of UTC in force at `instant`.
    public func offset(at instant: Instant) -> Int {
        offset(atSeconds: instant.secondsSinceEpoch)
    }

    private func offset(atSeconds seconds: Int64) -> Int {
        guard seconds >= Self.tableStart, seconds < Self.tableEnd else {
            return timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
        }
        return Int(offsets[transitionCount(atOrBefore: seconds)])
    }

    /// The offset in force at `seconds` (an instant) and the instants `[start, end)` over
    /// which it stays in force, for converting many nearby wall times without searching
    /// the table each time; the span is empty outside the table.
    func offsetSpan(atSeconds seconds: Int64) -> (offset: Int, start: Int64, end: Int64) {
        guard seconds >= Self.tableStart, seconds < Self.tableEnd else { return (offset(atSeconds: seconds), seconds, seconds) }
        let index = transitionCount(atOrBefore: seconds)
        let start = index > 0 ? transitions[index - 1] : Self.tableStart
        let end = index < transitions.count ? transitions[index] : Self.tableEnd
        return (Int(offsets[index]), start, end)
    }

    /// Binary search: the number of transitions at or before `seconds`.
    private func transitionCount(atOrBefore seconds: Int64) -> Int {
        var low = 0
        var high = transitions.count
        while low < high {
            let mid = (low + high) / 2
            if transitions[mid] <= seconds { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The instant at which the wall clock in this zone shows `local`.
    ///
    /// A wall time skipped by a forward transition (02:30 on a spring-forward night)
    /// moves forward by the gap (03:30); a wall time that happens twice takes the
    /// first. This is RFC 5545's rule (§3.3.5) and what python-dateutil does.
    public func instant(for local: LocalDateTime) -> Instant {
        let wall = local.secondsSinceEpoch
        // Mostly no transition lies within a day of the wall time: one search of the table
        // tells, and the offset then is the one in force a day before and a day after.
        if wall - 86_400 >= Self.tableStart, wall + 86_400 < Self.tableEnd {
            let index = transitionCount(atOrBefore: wall - 86_400)
            if index == transitions.count || transitions[index] > wall + 86_400 {
                return Instant(secondsSinceEpoch: wall - Int64(offsets[index]))
            }
        }
        let before = Int64(offset(atSeconds: wall - 86_400))
        let after = Int64(offset(atSeconds: wall + 86_400))
        let underBefore = wall - before
        if before == after || Int64(offset(atSeconds: underBefore)) == before {
            return Instant(secondsSinceEpoch: underBefore)
        }
        let underAfter = wall - after
        if Int64(offset(atSeconds: underAfter)) == after {
            return Instant(secondsSinceEpoch: underAfter)
        }
        return Instant(secondsSinceEpoch: underBefore)  // in the gap: the offset before it moves the time forward
    }

    /// The wall time in this zone at `instant`.
    public func localDateTime(at instant: Instant) -> LocalDateTime {
        LocalDateTime(secondsSinceEpoch: instant.secondsSinceEpoch + Int64(offset(at: instant)))
    }

    /// ISO 8601 with the UTC offset in force, `2026-12-01T10:00:00-05:00`.
    public func iso8601(_ instant: Instant) -> String {
        let offset = offset(at: instant)
        let local = LocalDateTime(secondsSinceEpoch: instant.secondsSinceEpoch + Int64(offset))
        let sign = offset < 0 ? "-" : "+"
        let magnitude = abs(offset)
        return "\(local)\(sign)\(CivilDate.twoDigits(magnitude / 3600)):\(CivilDate.twoDigits(magnitude / 60 % 60))"
    }

    public var description: String { identifier }

    public static func == (lhs: Zone, rhs: Zone) -> Bool { lhs.identifier == rhs.identifier }

    public func hash(into hasher: inout Hasher) { hasher.combine(identifier) }
}
