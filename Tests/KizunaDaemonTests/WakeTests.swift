import KizunaCore
import KizunaDaemonState
import Testing

@testable import KizunaDaemon

@Suite("What the daemon wakes for")
struct WakeTests {
    let newYork = Zone.named("America/New_York")!

    private func instant(_ text: String) -> Instant { Instant(iso8601: text, defaultZone: newYork)! }

    @Test("midnight comes next in the team's zone, also on the day the clocks go back")
    func midnightAcrossDST() {
        let source = MidnightWakeSource(zone: newYork) { _ in }
        #expect(source.nextWake(after: instant("2026-11-24T09:30:00-05:00"))?.instant == instant("2026-11-25T00:00:00-05:00"))
        // 2026-11-01 is 25 hours long in New York.
        #expect(source.nextWake(after: instant("2026-10-31T23:30:00-04:00"))?.instant == instant("2026-11-01T00:00:00-04:00"))
        #expect(source.nextWake(after: instant("2026-11-01T00:00:00-04:00"))?.instant == instant("2026-11-02T00:00:00-05:00"))
        #expect(source.nextWake(after: instant("2026-03-07T12:00:00-05:00"))?.instant == instant("2026-03-08T00:00:00-05:00"))
        #expect(source.nextWake(after: instant("2026-03-08T12:00:00-04:00"))?.purpose.contains("2026-03-09") == true)
    }

    @Test("month and year ends roll over")
    func midnightAtYearEnd() {
        let source = MidnightWakeSource(zone: newYork) { _ in }
        #expect(source.nextWake(after: instant("2026-12-31T23:59:59-05:00"))?.instant == instant("2027-01-01T00:00:00-05:00"))
        #expect(source.nextWake(after: instant("2028-02-28T08:00:00-05:00"))?.instant == instant("2028-02-29T00:00:00-05:00"))
    }

    @Test("the earliest wake of all sources is the one the timer waits for")
    func earliestOfSources() {
        let later = Wake(instant: instant("2026-11-25T00:00:00-05:00"), purpose: "midnight")
        let sooner = Wake(instant: instant("2026-11-24T10:00:00-05:00"), purpose: "a reminder")
        #expect(WakeScheduler.earliest([later, nil, sooner]) == sooner)
        #expect(WakeScheduler.earliest([nil, nil]) == nil)
    }

    @Test("a stage transition found by the last pass is a wake until its instant has come")
    func stageTransition() {
        let due = instant("2026-11-24T14:00:00-05:00")
        let source = StageTransitionWakeSource(next: { due }) { _ in }
        #expect(source.nextWake(after: instant("2026-11-24T09:30:00-05:00"))?.instant == due)
        #expect(source.nextWake(after: due) == nil)
        #expect(StageTransitionWakeSource(next: { nil }) { _ in }.nextWake(after: due) == nil)
    }
}
