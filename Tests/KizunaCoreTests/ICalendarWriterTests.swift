import Foundation
import KizunaCore
import Testing

@Suite struct ICalendarWriterTests {
    /// The lines of CRLF-ended text, without their CRLFs.
    private func physicalLines(_ text: String) -> [String] {
        Array(text.components(separatedBy: "\r\n").dropLast())
    }

    @Test func textValuesEscapeBackslashSemicolonCommaAndLineBreaks() {
        #expect(ICalendarWriter.escape(#"a\b;c,d"#) == #"a\\b\;c\,d"#)
        #expect(ICalendarWriter.escape("one\ntwo\r\nthree\rfour") == #"one\ntwo\nthree\nfour"#)
        #expect(ICalendarWriter.escape("tab\there\u{7}bell") == "tab\there" + "bell")
        #expect(ICalendarWriter.escape("東京: ok") == "東京: ok")
        #expect(ICalendarWriter.escape("café © 2026") == "café © 2026")
        #expect(ICalendarWriter.escape("next\u{85}line, C1") == #"nextline\, C1"#)
    }

    @Test func longLinesFoldAt75OctetsWithoutCuttingACharacter() {
        let ascii = "DESCRIPTION:" + String(repeating: "x", count: 200)
        let folded = ICalendarWriter.fold(ascii)
        #expect(folded.hasSuffix("\r\n"))
        let lines = physicalLines(folded)
        #expect(lines.map(\.utf8.count) == [75, 75, 1 + 212 - 75 - 74])
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(lines.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined() == ascii)

        // Three-octet characters: 12 + 21 × 3 = 75 octets fit, the 22nd moves to the next line whole.
        let japanese = "DESCRIPTION:" + String(repeating: "絆", count: 30)
        let parts = physicalLines(ICalendarWriter.fold(japanese))
        #expect(parts.map(\.utf8.count) == [75, 1 + 9 * 3])
        #expect(parts[0].hasSuffix("絆") && parts[1] == " " + String(repeating: "絆", count: 9))
        // Four-octet characters: 2 + 18 × 4 = 74 octets, as a 19th would make 78.
        let emoji = "X:" + String(repeating: "😀", count: 40)
        let emojiLines = physicalLines(ICalendarWriter.fold(emoji))
        #expect(emojiLines.map(\.utf8.count) == [74, 1 + 18 * 4, 1 + 4 * 4])
        #expect(emojiLines.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined() == emoji)
        #expect(ICalendarWriter.fold("SUMMARY:short") == "SUMMARY:short\r\n")
        #expect(ICalendarWriter.fold(String(repeating: "y", count: 75)).utf8.count == 77)
    }

    @Test func instantsAreWrittenInUTC() {
        #expect(ICalendarWriter.utc(Instant(secondsSinceEpoch: 1_795_532_400)) == "20261124T150000Z")
        #expect(ICalendarWriter.utc(Instant(secondsSinceEpoch: 0)) == "19700101T000000Z")
    }

    @Test func aCalendarHasItsEventsBetweenTheCalendarsLines() {
        let event = CalendarEvent(
            uid: "0123456789abcdef@kizuna", sequence: 2, lastModified: Instant(secondsSinceEpoch: 1_795_500_000),
            start: Instant(secondsSinceEpoch: 1_795_532_400), end: Instant(secondsSinceEpoch: 1_795_534_200),
            summary: "Call Acme, Inc.", description: "Due: soon\nPriority: high", categories: ["Kizuna", "a,b"], priority: 3)
        let text = ICalendarWriter.calendar(name: "Kizuna: alice", events: [event])
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.first == "BEGIN:VCALENDAR" && lines.dropLast().last == "END:VCALENDAR" && lines.last == "")
        for expected in [
            "VERSION:2.0", "X-WR-CALNAME:Kizuna: alice", "BEGIN:VEVENT", "UID:0123456789abcdef@kizuna", "SEQUENCE:2",
            "DTSTAMP:20261124T060000Z", "LAST-MODIFIED:20261124T060000Z", "DTSTART:20261124T150000Z", "DTEND:20261124T153000Z",
            #"SUMMARY:Call Acme\, Inc."#, #"DESCRIPTION:Due: soon\nPriority: high"#, #"CATEGORIES:Kizuna,a\,b"#, "PRIORITY:3",
            "END:VEVENT",
        ] {
            #expect(lines.contains(expected), "missing \(expected)")
        }
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }
}
