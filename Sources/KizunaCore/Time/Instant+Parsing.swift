extension Instant {
    /// Reads an ISO 8601 instant: with an offset (`2026-12-01T10:00:00-05:00`, `…Z`), or a
    /// local date-time or date (`2026-12-01T10:00`, `2026-12-01`) read as wall time in `zone`.
    public init?(iso8601 text: String, defaultZone zone: Zone) {
        // A plain date, as imports give most, read from its bytes without searching its
        // characters for an offset.
        if text.utf8.count == 10, let date = CivilDate(text) {
            self = zone.instant(for: LocalDateTime(date: date))
            return
        }
        if text.hasSuffix("Z") {
            guard let local = LocalDateTime(String(text.dropLast())), text.contains("T") else { return nil }
            self = Zone.utc.instant(for: local)
            return
        }
        if let signIndex = text.lastIndex(where: { $0 == "+" || $0 == "-" }), text[..<signIndex].contains("T") {
            let offsetText = text[text.index(after: signIndex)...]
            let parts = offsetText.split(separator: ":", omittingEmptySubsequences: false)
            guard let local = LocalDateTime(String(text[..<signIndex])), parts.count == 2,
                parts.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
                let hours = Int(parts[0]), let minutes = Int(parts[1]), hours < 24, minutes < 60
            else { return nil }
            let offset = Int64(hours * 3600 + minutes * 60) * (text[signIndex] == "-" ? -1 : 1)
            self.init(secondsSinceEpoch: local.secondsSinceEpoch - offset)
            return
        }
        guard let local = LocalDateTime(text) else { return nil }
        self = zone.instant(for: local)
    }
}
