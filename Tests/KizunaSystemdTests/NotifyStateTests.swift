import KizunaSystemd
import Testing

@Suite("sd_notify messages")
struct NotifyStateTests {
    @Test("each state is the assignment sd_notify(3) documents")
    func assignments() {
        #expect(NotifyState.ready.assignments == ["READY=1"])
        #expect(NotifyState.watchdog.assignments == ["WATCHDOG=1"])
        #expect(NotifyState.stopping.assignments == ["STOPPING=1"])
        #expect(NotifyState.reloading(monotonicMicroseconds: 1_234_567).assignments == ["RELOADING=1", "MONOTONIC_USEC=1234567"])
        #expect(NotifyState.extendTimeout(microseconds: 90_000_000).assignments == ["EXTEND_TIMEOUT_USEC=90000000"])
    }

    @Test("states sent together are one datagram, a line each")
    func message() {
        #expect(NotifyState.message([.ready, .status("128 customers")]) == "READY=1\nSTATUS=128 customers")
    }

    @Test("a status keeps to one line, or it would end the assignment and start a bogus one")
    func statusIsOneLine() {
        #expect(NotifyState.status("plan failed\nREADY=1\r\nagain").assignments == ["STATUS=plan failed READY=1 again"])
    }
}
