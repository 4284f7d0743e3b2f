import Foundation
import KizunaTestSupport
import Testing

/// The notifier in a process of its own, reporting to a socket the test owns, as systemd
/// would receive it.
@Suite("sd_notify through a test-owned NOTIFY_SOCKET", .timeLimit(.minutes(5)))
struct NotifierTests {
    @Test("states reach the socket in order, each call one datagram")
    func sequence() throws {
        let socket = try NotifySocket()
        let result = try Probe.run(
            ["notify", "status=planning", "ready", "watchdog", "reloading", "ready", "extend=90000000", "stopping"],
            environment: ["NOTIFY_SOCKET": socket.address])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == String(repeating: "true\n", count: 7))
        let datagrams = socket.drain()
        #expect(datagrams.count == 7)
        guard datagrams.count == 7 else { return }
        #expect(datagrams[0] == "STATUS=planning")
        #expect(datagrams[1] == "READY=1")
        #expect(datagrams[2] == "WATCHDOG=1")
        #expect(datagrams[3].hasPrefix("RELOADING=1\nMONOTONIC_USEC="))
        let microseconds = try #require(UInt64(datagrams[3].split(separator: "=").last ?? ""))
        #expect(microseconds > 0)
        #expect(datagrams[4...] == ["READY=1", "EXTEND_TIMEOUT_USEC=90000000", "STOPPING=1"])
    }

    @Test("an abstract socket address (@name) works too")
    func abstractAddress() throws {
        // The notifier's datagram reaches the named socket in the abstract namespace.
        let socket = try NotifySocket(abstract: true)
        let result = try Probe.run(["notify", "ready"], environment: ["NOTIFY_SOCKET": socket.address])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(socket.drain() == ["READY=1"])
    }

    @Test("outside systemd (no NOTIFY_SOCKET) reporting does nothing and says so")
    func withoutManager() throws {
        let result = try Probe.run(["notify", "ready", "status=idle"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "false\nfalse\n")
    }

    @Test("a socket that is not there is an error naming the errno")
    func missingSocket() throws {
        let result = try Probe.run(["notify", "ready"], environment: ["NOTIFY_SOCKET": "/nonexistent/notify"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("sd_notify failed: No such file or directory (errno 2)"))
    }

    @Test("the watchdog interval is WATCHDOG_USEC, and off when WATCHDOG_PID names another process")
    func watchdogInterval() throws {
        #expect(try Probe.run(["watchdog"], environment: ["WATCHDOG_USEC": "3000000"]).stdout == "3000000\n")
        #expect(try Probe.run(["watchdog"], environment: ["WATCHDOG_USEC": "3000000", "WATCHDOG_PID": "1"]).stdout == "off\n")
        #expect(try Probe.run(["watchdog"]).stdout == "off\n")
    }
}

@Suite("The watchdog pinger", .timeLimit(.minutes(5)))
struct WatchdogPingerTests {
    @Test("pings at half the advertised interval, from the queue it is given")
    func rate() throws {
        let socket = try NotifySocket()
        // WATCHDOG_USEC=200 ms: a ping every 100 ms, the first at once; 550 ms gives 6.
        let result = try Probe.run(["ping", "550"], environment: ["NOTIFY_SOCKET": socket.address, "WATCHDOG_USEC": "200000"])
        #expect(result.status == 0, "\(result.stderr)")
        let pings = socket.drain()
        #expect(pings.allSatisfy { $0 == "WATCHDOG=1" })
        #expect((5...7).contains(pings.count), "\(pings.count) pings")
    }

    @Test("a blocked queue stops the pings, so systemd restarts the service")
    func blockedQueue() throws {
        let socket = try NotifySocket()
        // Pings at 0, 100 and 200 ms; the queue is blocked from 250 ms to the end at 800 ms.
        let result = try Probe.run(["ping", "800", "250"], environment: ["NOTIFY_SOCKET": socket.address, "WATCHDOG_USEC": "200000"])
        #expect(result.status == 0, "\(result.stderr)")
        let pings = socket.drain().count
        #expect((2...4).contains(pings), "\(pings) pings")
    }

    @Test("no watchdog advertised, no pinger")
    func off() throws {
        let result = try Probe.run(["ping", "10"])
        #expect(result.status == 1)
        #expect(result.stderr == "watchdog off\n")
    }
}
