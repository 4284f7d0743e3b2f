/// Converts many wall times of one zone to instants, exactly as `Zone.instant(for:)`
/// does, but remembering the span between transitions it last saw: a wall time more
/// than a day from either end of that span has one reading, so most conversions in a
/// series skip the table search.
struct ZoneConverter {
    let zone: Zone
    private var offset: Int64 = 0
    private var start: Int64 = 0
    private var end: Int64 = 0

    init(_ zone: Zone) {
        self.zone = zone
    }

    mutating func instant(for local: LocalDateTime) -> Instant {
        let wall = local.secondsSinceEpoch
        // The margins are the ones `Zone.instant(for:)` probes: both probes in one span.
        if start <= wall - 86_400, wall + 86_400 < end { return Instant(secondsSinceEpoch: wall - offset) }
        let span = zone.offsetSpan(atSeconds: wall)
        (offset, start, end) = (Int64(span.offset), span.start, span.end)
        return zone.instant(for: local)
    }
}
