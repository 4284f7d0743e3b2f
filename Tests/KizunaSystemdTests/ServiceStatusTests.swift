import KizunaCore
import KizunaSystemd
import Testing

@Suite("The status line")
struct ServiceStatusTests {
    let newYork = Zone.named("America/New_York")!

    func instant(_ text: String) -> Instant { Instant(iso8601: text, defaultZone: .utc)! }

    func status(next at: String?) -> ServiceStatus {
        ServiceStatus(
            customers: 128, dueToday: 9, overdue: 2,
            next: at.map { ServiceStatus.Upcoming(at: instant($0), title: "onboarding follow-up", customer: "Acme") })
    }

    @Test("counts, then the next task today at its local time")
    func today() {
        #expect(
            status(next: "2026-11-24T15:00:00Z").line(now: instant("2026-11-24T13:30:00Z"), zone: newYork)
                == "128 customers · 9 due today · 2 overdue · next 10:00 onboarding follow-up, Acme")
    }

    @Test("tomorrow, a weekday within the week, a date further on")
    func laterDays() {
        let now = instant("2026-11-24T13:30:00Z")  // Tuesday 08:30 in New York
        #expect(status(next: "2026-11-25T14:00:00Z").line(now: now, zone: newYork).hasSuffix("next tomorrow 09:00 onboarding follow-up, Acme"))
        #expect(status(next: "2026-11-27T14:00:00Z").line(now: now, zone: newYork).hasSuffix("next Fri 09:00 onboarding follow-up, Acme"))
        #expect(status(next: "2026-12-01T14:00:00Z").line(now: now, zone: newYork).hasSuffix("next 2026-12-01 09:00 onboarding follow-up, Acme"))
    }

    @Test("days are counted in the zone: 23:30 and 00:30 local are different days whatever UTC says")
    func localDays() {
        let now = instant("2026-11-25T04:30:00Z")  // Tuesday 23:30 in New York, Wednesday in UTC
        #expect(status(next: "2026-11-25T05:30:00Z").line(now: now, zone: newYork).hasSuffix("next tomorrow 00:30 onboarding follow-up, Acme"))
        #expect(status(next: "2026-11-25T05:30:00Z").line(now: now, zone: .utc).hasSuffix("next 05:30 onboarding follow-up, Acme"))
    }

    @Test("across the end of daylight saving time the wall-clock time is shown")
    func daylightSaving() {
        // New York leaves DST on 2026-11-01 at 02:00; 10:00 is 14:00Z before and 15:00Z after.
        let now = instant("2026-10-31T14:00:00Z")
        #expect(status(next: "2026-11-01T15:00:00Z").line(now: now, zone: newYork).hasSuffix("next tomorrow 10:00 onboarding follow-up, Acme"))
    }

    @Test("one customer, and nothing scheduled")
    func edges() {
        let line = ServiceStatus(customers: 1, dueToday: 0, overdue: 0, next: nil).line(now: instant("2026-11-24T13:30:00Z"), zone: newYork)
        #expect(line == "1 customer · 0 due today · 0 overdue · nothing scheduled")
    }
}
