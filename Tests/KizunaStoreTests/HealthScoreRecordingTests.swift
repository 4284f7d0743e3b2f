import GRDB
import KizunaCore
import Testing

@testable import KizunaStore

/// Recording scores stores each customer's for its day and makes it the customer's health; a
/// score recorded again as it is stored changes no row.
@Suite("Health score recording") struct HealthScoreRecordingTests {
    static let now = Instant(iso8601: "2026-11-10T09:30:00-05:00", defaultZone: .utc)!
    static let day = CivilDate("2026-11-10")!

    static func score(_ value: Double?, band: HealthBand) -> HealthScore {
        HealthScore(
            score: value, band: band,
            measures: [MeasureScore(name: "weekly \"logins\"", value: value, normalized: value.map { $0 / 100 }, share: 0.35)])
    }

    @Test func aScoreRecordedAgainAsStoredChangesNoRow() throws {
        try withStore { store in
            try store.upsert(
                customers: ["a", "b"].map { Customer(id: $0, name: $0, csm: "aiko", stage: "adoption", stageEntered: Self.now) },
                at: Self.now)
            let first = [("a", Self.day, Self.score(72.5, band: .green)), ("b", Self.day, Self.score(nil, band: .unknown))]
            try store.record(scores: first)
            let changes = { () throws(StoreError) in try store.write { db in db.totalChangesCount } }
            let before = try changes()
            try store.record(scores: first)
            #expect(try changes() == before, "the same scores again: no row changed")
            try store.record(scores: [("a", Self.day, Self.score(30, band: .red))])
            #expect(try changes() == before + 2, "a's score and a's health")
            let report = try store.healthReport(trend: CalendarSpan(28, .day))
            #expect(report.first { $0.customer == "a" }?.health == Self.score(30, band: .red))
            #expect(report.first { $0.customer == "b" }?.health == Self.score(nil, band: .unknown))
            #expect(try store.customer(id: "a")?.health == 30)
        }
    }
}
