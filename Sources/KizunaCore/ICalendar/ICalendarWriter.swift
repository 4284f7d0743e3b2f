/// Writes iCalendar (RFC 5545) text: content lines folded at 75 octets, TEXT values escaped,
/// date-times in UTC, lines ended by CRLF.
///
/// Written by hand: the packages Kizuna may use include no iCalendar writer, and the part
/// of RFC 5545 an export needs is this small.
public enum ICalendarWriter {
    /// The product identifier of every calendar Kizuna writes.
    public static let productID = "-//Kizuna//Kizuna Tasks//EN"

    /// A calendar named `name` with `events`, ready to write to a `.ics` file.
    public static func calendar(name: String, events: [CalendarEvent]) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:\(productID)", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:\(escape(name))", "NAME:\(escape(name))", "REFRESH-INTERVAL;VALUE=DURATION:PT1H", "X-PUBLISHED-TTL:PT1H",
        ]
        for event in events {
            lines += [
                "BEGIN:VEVENT",
                "UID:\(escape(event.uid))",
                "SEQUENCE:\(event.sequence)",
                "DTSTAMP:\(utc(event.lastModified))",
                "LAST-MODIFIED:\(utc(event.lastModified))",
                "DTSTART:\(utc(event.start))",
                "DTEND:\(utc(event.end))",
                "SUMMARY:\(escape(event.summary))",
                "DESCRIPTION:\(escape(event.description))",
                "CATEGORIES:\(event.categories.map(escape).joined(separator: ","))",
                "PRIORITY:\(event.priority)",
                "STATUS:CONFIRMED",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined()
    }

    /// A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, every line
    /// break as `\n`, other control characters (but tab) left out.
    public static func escape(_ text: String) -> String {
        // Most text (titles, names) needs nothing: copy it whole. A 0xC2 lead byte may start a
        // C1 control character, so such text takes the careful path too.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0x5C || $0 == 0x3B || $0 == 0x2C }) {
            return text
        }
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 16)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            switch byte {
            case 0x5C, 0x3B, 0x2C: result += [0x5C, byte]  // \ ; ,
            case 0x0D, 0x0A:  // CR, LF, CRLF
                result += [0x5C, 0x6E]
                if byte == 0x0D, next == 0x0A { index += 1 }
            case 0x09: result.append(byte)
            case 0..<0x20, 0x7F: break
            case 0xC2 where (0x80...0x9F).contains(next): index += 1  // a C1 control character
            default: result.append(byte)
            }
            index += 1
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// One content line, folded (§3.1): no physical line longer than 75 octets without its CRLF,
    /// continuations starting with a space, and never a UTF-8 sequence cut in two.
    public static func fold(_ line: String) -> String {
        let bytes = Array(line.utf8)
        guard bytes.count > 75 else { return line + "\r\n" }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + bytes.count / 74 * 3 + 2)
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let end = min(index + utf8Length(leadByte: bytes[index]), bytes.count)
            // The first line holds 75 octets, a continuation a space and 74.
            if end - lineStart > (lineStart == 0 ? 75 : 74) {
                result += [0x0D, 0x0A, 0x20]
                lineStart = index
            }
            result += bytes[index..<end]
            index = end
        }
        return String(decoding: result + [0x0D, 0x0A], as: UTF8.self)
    }

    /// The length of the UTF-8 sequence that `leadByte` starts (1 for a stray continuation byte).
    private static func utf8Length(leadByte: UInt8) -> Int {
        switch leadByte {
        case 0xF0...: 4
        case 0xE0...: 3
        case 0xC0...: 2
        default: 1
        }
    }

    /// A UTC date-time, `20261124T150000Z`.
    public static func utc(_ instant: Instant) -> String {
        let local = LocalDateTime(secondsSinceEpoch: instant.secondsSinceEpoch)
        let date = local.date
        let time = local.time
        let year = String(date.year)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + CivilDate.twoDigits(date.month)
            + CivilDate.twoDigits(date.day) + "T" + CivilDate.twoDigits(time.hour) + CivilDate.twoDigits(time.minute)
            + CivilDate.twoDigits(time.second) + "Z"
    }
}
