import Foundation

/// Reads the instants people type after `--until` and `--at`, relative to now, in the team's zone:
///
/// - a date, `2026-12-01` (the start of that day), or a date-time, `2026-12-01T14:00`,
///   `2026-12-01 14:00`, or an ISO 8601 instant with its offset;
/// - a time, `14:00`: the next such wall time (today, or tomorrow when it has passed);
/// - an offset from now, `+3d`, `+2w`, `+4h`, `+30m` (days and weeks keep the time of day);
/// - `tomorrow`, `monday`, `next monday`: the start of that day (a weekday is always after today).
public enum WhenParser {
    /// The instant `text` names, seen at `now` in `zone`.
    ///
    /// - Throws: a `SyntaxError` that lists the accepted forms.
    public static func instant(_ text: String, now: Instant, zone: Zone) throws(SyntaxError) -> Instant {
        let text = text.trimmingCharacters(in: .whitespaces).lowercased()
        let local = zone.localDateTime(at: now)
        if let offset = relative(text, from: local, now: now, zone: zone) { return offset }
        if let time = LocalTime(text), text.contains(":") {
            let today = LocalDateTime(date: local.date, time: time)
            return zone.instant(for: today > local ? today : LocalDateTime(date: local.date.adding(days: 1), time: time))
        }
        if let day = day(text, today: local.date) { return zone.instant(for: LocalDateTime(date: day)) }
        if let instant = Instant(iso8601: text.replacingOccurrences(of: " ", with: "T").uppercased(), defaultZone: zone) {
            return instant
        }
        throw SyntaxError(
            "cannot read `\(text)` as a date or time",
            hint: "write a date (2026-12-01), a date and time (2026-12-01T14:00), a time (14:00), an offset (+3d, +2w, +4h, +30m), "
                + "tomorrow, or a weekday (next monday)")
    }

    /// `+3d`, `+2w`, `+4h`, `+30m`.
    private static func relative(_ text: String, from local: LocalDateTime, now: Instant, zone: Zone) -> Instant? {
        guard text.hasPrefix("+"), let unit = text.last, let amount = Int(text.dropFirst().dropLast()), amount > 0 else {
            return nil
        }
        switch unit {
        case "m": return now.adding(seconds: Int64(amount) * 60)
        case "h": return now.adding(seconds: Int64(amount) * 3600)
        case "d": return zone.instant(for: LocalDateTime(date: local.date.adding(days: amount), time: local.time))
        case "w": return zone.instant(for: LocalDateTime(date: local.date.adding(days: 7 * amount), time: local.time))
        default: return nil
        }
    }

    /// `tomorrow`, `monday`, `next monday`.
    private static func day(_ text: String, today: CivilDate) -> CivilDate? {
        if text == "tomorrow" { return today.adding(days: 1) }
        let name = text.hasPrefix("next ") ? String(text.dropFirst(5)) : text
        guard let weekday = Weekday(name: name), name.count >= 3 else { return nil }
        let days = today.weekday.days(until: weekday)
        return today.adding(days: days == 0 ? 7 : days)
    }
}
