import KizunaCore
import Testing

/// A recomputation reads each signal's date through `ZoneDates`: it must be the date
/// `Zone.localDateTime(at:)` gives, across DST changes, far from the zone table and before 1970.
@Suite struct ZoneDatesTests {
    @Test(arguments: ["America/New_York", "Europe/London", "Asia/Tokyo", "Australia/Lord_Howe", "Pacific/Apia", "UTC"])
    func eachInstantsDateIsTheZonesDate(identifier: String) throws {
        let zone = try #require(Zone.named(identifier))
        var dates = ZoneDates(zone)
        // Every 53 minutes through 2026 (both DST changes of each hemisphere), ascending and back.
        let year = stride(from: Int64(1_767_225_600), to: 1_798_761_600, by: 53 * 60)
        for seconds in Array(year) + year.reversed() {
            #expect(dates.date(atSeconds: seconds) == zone.localDateTime(at: Instant(secondsSinceEpoch: seconds)).date)
        }
        for seconds: Int64 in [-3_000_000_000, -1, 0, 7_300_000_000, 1_767_225_600] {
            #expect(dates.date(atSeconds: seconds) == zone.localDateTime(at: Instant(secondsSinceEpoch: seconds)).date)
        }
    }
}
