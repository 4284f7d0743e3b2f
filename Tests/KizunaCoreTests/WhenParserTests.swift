import KizunaCore
import Testing

@Suite struct WhenParserTests {
    let zone = Zone.named("America/New_York")!
    /// Tuesday 2026-11-24, 09:30 in New York.
    let now = Instant(iso8601: "2026-11-24T09:30:00-05:00", defaultZone: .utc)!

    private func when(_ text: String) throws -> String {
        zone.iso8601(try WhenParser.instant(text, now: now, zone: zone))
    }

    @Test(arguments: [
        ("2026-12-01", "2026-12-01T00:00:00-05:00"),
        ("2026-12-01T14:00", "2026-12-01T14:00:00-05:00"),
        ("2026-12-01 14:00", "2026-12-01T14:00:00-05:00"),
        ("2026-12-01T14:00:00Z", "2026-12-01T09:00:00-05:00"),
        ("2026-12-01T14:00:00+01:00", "2026-12-01T08:00:00-05:00"),
    ])
    func datesAndDateTimes(text: String, expected: String) throws {
        #expect(try when(text) == expected)
    }

    @Test func aTimeIsTheNextSuchWallTime() throws {
        #expect(try when("14:00") == "2026-11-24T14:00:00-05:00")
        #expect(try when("09:00") == "2026-11-25T09:00:00-05:00")
        #expect(try when("9:30") == "2026-11-25T09:30:00-05:00")
    }

    @Test(arguments: [
        ("+3d", "2026-11-27T09:30:00-05:00"),
        ("+2w", "2026-12-08T09:30:00-05:00"),
        ("+4h", "2026-11-24T13:30:00-05:00"),
        ("+30m", "2026-11-24T10:00:00-05:00"),
        ("+1D", "2026-11-25T09:30:00-05:00"),
    ])
    func offsets(text: String, expected: String) throws {
        #expect(try when(text) == expected)
    }

    @Test func daysKeepTheWallTimeAcrossDST() throws {
        let march = Instant(iso8601: "2027-03-12T09:30:00-05:00", defaultZone: .utc)!
        let later = try WhenParser.instant("+3d", now: march, zone: zone)
        #expect(zone.iso8601(later) == "2027-03-15T09:30:00-04:00")
    }

    @Test(arguments: [
        ("tomorrow", "2026-11-25T00:00:00-05:00"),
        ("next monday", "2026-11-30T00:00:00-05:00"),
        ("monday", "2026-11-30T00:00:00-05:00"),
        ("Next Friday", "2026-11-27T00:00:00-05:00"),
        ("next tuesday", "2026-12-01T00:00:00-05:00"),
        ("tue", "2026-12-01T00:00:00-05:00"),
    ])
    func namedDays(text: String, expected: String) throws {
        #expect(try when(text) == expected)
    }

    @Test(arguments: ["", "soon", "+3", "+d", "+-3d", "+3y", "25:00", "2026-02-30", "next", "next mo", "2026-12-01T14:00+5"])
    func anythingElseIsAnErrorListingTheForms(text: String) {
        #expect {
            _ = try WhenParser.instant(text, now: now, zone: zone)
        } throws: { error in
            let error = error as? SyntaxError
            return error?.message.hasPrefix("cannot read") == true && error?.hint?.contains("next monday") == true
        }
    }
}
