import Foundation
import KizunaCore
import KizunaDelivery
import KizunaStore
import Testing

@Suite(.timeLimit(.minutes(5)))
struct DigestTests {
    /// 08:30 in New York on a day after the example's planning day.
    static func morning(_ day: String, _ time: String = "08:30:00") -> Instant {
        Instant(iso8601: "\(day)T\(time)-05:00", defaultZone: .utc)!
    }

    @Test func eachPersonGetsTheirListOncePerDayAtTheDigestTime() throws {
        let example = try ExampleStore()
        try example.addRecordingChannel("morning")
        example.configuration.delivery.digest = DigestSettings(at: LocalTime("08:30")!, channels: ["morning"])
        let dispatcher = example.dispatcher()
        let early = Self.morning("2026-11-25", "08:00:00")
        _ = try dispatcher.deliverDue(now: early)
        #expect(example.lines(of: "morning.out").isEmpty)
        let next = try #require(try dispatcher.nextInstant(after: early))
        #expect(next <= Self.morning("2026-11-25"))

        let report = try dispatcher.deliverDue(now: Self.morning("2026-11-25"))
        let digests = report.attempts.filter { $0.kind == .digest && $0.attempt.channel == "morning" }
        let owners = try example.store.today(zone: example.configuration.zone, now: Self.morning("2026-11-25")).owners
        #expect(Set(digests.map(\.recipient)) == Set(owners.map(\.owner)))
        #expect(digests.count == owners.count)
        #expect(digests.allSatisfy { !$0.attempt.late })
        let alice = try #require(example.lines(of: "morning.out").first { $0.hasPrefix("digest alice ") })
        let tasks = try #require(owners.first { $0.owner == "alice" }?.tasks)
        #expect(alice.contains("\"tasks\":["))
        #expect(alice.contains(tasks[0].title))

        // Later that day, and from a new dispatcher: no second digest.
        #expect(try dispatcher.deliverDue(now: Self.morning("2026-11-25", "12:00:00")).attempts.allSatisfy { $0.kind == .reminder })
        #expect(try example.dispatcher().deliverDue(now: Self.morning("2026-11-25", "12:00:00")).attempts.allSatisfy { $0.kind == .reminder })
        // The next morning, again; late when the daemon comes back after the digest time.
        let nextDay = try example.dispatcher().deliverDue(now: Self.morning("2026-11-26", "10:00:00"))
        let lateDigests = nextDay.attempts.filter { $0.kind == .digest }
        #expect(!lateDigests.isEmpty)
        #expect(lateDigests.allSatisfy { $0.attempt.late })
    }

    @Test func aStopBetweenDigestsLeavesTheOthersForTheNextDeliveryOnce() throws {
        let example = try ExampleStore()
        try example.addRecordingChannel("morning")
        example.configuration.delivery.digest = DigestSettings(at: LocalTime("08:30")!, channels: ["morning"])
        let morning = Self.morning("2026-11-25")
        let owners = try example.store.today(zone: example.configuration.zone, now: morning).owners.map(\.owner)
        try #require(owners.count > 2)
        // Asked to stop once two digests are out, as a daemon stopping meanwhile does.
        let sent = { example.lines(of: "morning.out").filter { $0.hasPrefix("digest ") }.count }
        let stopped = try example.dispatcher().deliverDue(now: morning) { sent() >= 2 }
        let digests = { (report: DeliveryReport) in report.attempts.filter { $0.kind == .digest && $0.attempt.channel == "morning" }.count }
        #expect(digests(stopped) == 2)
        #expect(digests(try example.dispatcher().deliverDue(now: morning.adding(seconds: 60))) == owners.count - 2)
        let recipients = example.lines(of: "morning.out").filter { $0.hasPrefix("digest ") }.map { $0.split(separator: " ")[1] }
        #expect(recipients.sorted() == owners.map { Substring($0) }.sorted())
        #expect(try example.dispatcher().deliverDue(now: morning.adding(seconds: 120)).attempts.allSatisfy { $0.kind == .reminder })
    }

    @Test func aPersonsOwnZoneSetsTheirMorning() throws {
        let example = try ExampleStore()
        try example.addRecordingChannel("morning")
        example.configuration.delivery.digest = DigestSettings(at: LocalTime("08:30")!, channels: ["morning"])
        example.configuration.delivery.people["alice"] = PersonSettings(zone: Zone.named("Europe/London"))
        let dispatcher = example.dispatcher()
        // 08:30 in London is 03:30 in New York: only alice's digest is due.
        let london = Instant(iso8601: "2026-11-25T08:30:00Z", defaultZone: .utc)!
        let report = try dispatcher.deliverDue(now: london)
        #expect(report.attempts.filter { $0.kind == .digest }.map(\.recipient).allSatisfy { $0 == "alice" })
        #expect(report.attempts.contains { $0.kind == .digest && $0.recipient == "alice" })
        #expect(try dispatcher.nextInstant(after: london) ?? london <= Self.morning("2026-11-25"))
    }

    @Test func theDigestKeepsItsLocalTimeAcrossTheSpringDSTChange() throws {
        let example = try ExampleStore()
        example.configuration.delivery.digest = DigestSettings(at: LocalTime("08:30")!)
        let dispatcher = example.dispatcher()
        let utc = { (text: String) in Instant(iso8601: text, defaultZone: .utc)! }
        // New York moves to EDT on Sunday 2027-03-14: 08:30 is 13:30Z the day before, 12:30Z that day.
        #expect(try dispatcher.nextInstant(after: utc("2027-03-13T01:00:00Z")) == utc("2027-03-13T13:30:00Z"))
        #expect(try dispatcher.nextInstant(after: utc("2027-03-13T13:30:00Z")) == utc("2027-03-14T12:30:00Z"))
        #expect(try dispatcher.nextInstant(after: utc("2027-03-14T12:30:00Z")) == utc("2027-03-15T12:30:00Z"))
    }
}
