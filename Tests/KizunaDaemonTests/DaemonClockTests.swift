import Foundation
import KizunaCore
import Testing

@testable import KizunaDaemon

@Suite("The daemon's clock")
struct DaemonClockTests {
    let real = Date(timeIntervalSince1970: 1_000_000)
    let start = Instant(secondsSinceEpoch: 1_795_000_000)

    @Test("a virtual clock starts at its instant and runs at its rate")
    func acceleratedClock() {
        let clock = DaemonClock(start: start, rate: 60, realNow: real)
        #expect(clock.now(real: real) == start)
        #expect(clock.now(real: real.addingTimeInterval(2)) == start.adding(seconds: 120))
        #expect(!clock.isSystemClock)
    }

    @Test("a virtual instant converts back to the real time the timer waits for")
    func realDeadline() {
        let clock = DaemonClock(start: start, rate: 60, realNow: real)
        #expect(clock.realSeconds(at: start.adding(seconds: 600)) == real.timeIntervalSince1970 + 10)
    }

    @Test("the system clock is the real one")
    func systemClock() {
        let clock = DaemonClock(realNow: real)
        #expect(clock.isSystemClock)
        #expect(clock.now(real: real.addingTimeInterval(5.5)) == Instant(real.addingTimeInterval(5)))
    }

    @Test("KIZUNA_CLOCK_RATE must be a positive number")
    func rateFromEnvironment() throws {
        #expect(try DaemonClock.rate(environment: [:]) == 1)
        #expect(try DaemonClock.rate(environment: ["KIZUNA_CLOCK_RATE": "3600"]) == 3600)
        #expect(throws: Diagnostic.self) { try DaemonClock.rate(environment: ["KIZUNA_CLOCK_RATE": "0"]) }
        #expect(throws: Diagnostic.self) { try DaemonClock.rate(environment: ["KIZUNA_CLOCK_RATE": "fast"]) }
    }
}
