/// Reads the dates of many instants in one zone, exactly as `zone.localDateTime(at:).date`
/// does, but remembering the span between transitions it last saw: instants in that span
/// share one offset, so a stream of signal rows skips the table search.
public struct ZoneDates: Sendable {
    public let zone: Zone
    private var offset: Int64 = 0
    private var start: Int64 = 0
    private var end: Int64 = 0

    public init(_ zone: Zone) {
        self.zone = zone
    }

    /// The day number (days since 1970-01-01) of the date in the zone at `seconds` since the epoch.
    public mutating func dayNumber(atSeconds seconds: Int64) -> Int {
        if seconds < start || seconds >= end {
            let span = zone.offsetSpan(atSeconds: seconds)
            (offset, start, end) = (Int64(span.offset), span.start, span.end)
        }
        let wall = seconds + offset
        return Int(wall >= 0 ? wall / 86_400 : (wall - 86_399) / 86_400)
    }

    /// The date in the zone at `seconds` since the epoch.
    public mutating func date(atSeconds seconds: Int64) -> CivilDate {
        CivilDate(dayNumber: dayNumber(atSeconds: seconds))
    }
}
