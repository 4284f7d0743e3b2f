import Foundation
import KizunaTestSupport
import Testing

/// The real `kizunad` reporting to a `NOTIFY_SOCKET` the test owns, as it reports to systemd:
/// the datagrams, in order, from the start to the stop.
@Suite(.serialized, .timeLimit(.minutes(5))) struct DaemonNotifyTests {
    @Test func theDaemonReportsReadyStatusWatchdogReloadAndStop() throws {
        let sandbox = try Sandbox(planned: false)
        #expect(try sandbox.run(["import", "customers"]).status == 0)
        let socket = try NotifySocket()
        // 400 ms: pings every 200 ms.
        let daemon = try DaemonProcess(sandbox, environment: ["NOTIFY_SOCKET": socket.address, "WATCHDOG_USEC": "400000"])

        // READY comes once the first plan is done: its tasks are in the store when it arrives.
        let ready = try #require(socket.receive(until: { $0.contains("READY=1") }, within: .seconds(20)).last, "\(daemon.logText)")
        #expect(try StoreFile.tasksPerCustomer(sandbox.storePath).count > 10)
        #expect(daemon.status?["lastPlan"] != nil)
        let status = try #require(ready.split(separator: "\n").first { $0.hasPrefix("STATUS=") }.map(String.init))
        let parts = try #require(status.wholeMatch(of: /STATUS=36 customers · \d+ due today · \d+ overdue · next \d\d:\d\d .+, (.+)/))
        // The customer as people know it: its name, not its id.
        #expect(try exampleCustomerNames(sandbox).contains(String(parts.1)), "\(status)")

        // The watchdog at half the advertised interval.
        let pings = socket.receive(until: { _ in false }, within: .seconds(2)).count { $0 == "WATCHDOG=1" }
        #expect((6...14).contains(pings), "\(pings) pings in 2 s")

        // A reload: RELOADING=1 with the monotonic clock's reading, then READY=1.
        daemon.send(SIGHUP)
        let reload = socket.receive(until: { $0.contains("READY=1") }, within: .seconds(10)).filter { $0 != "WATCHDOG=1" }
        let reloading = try #require(reload.first, "\(daemon.logText)")
        let monotonic = try #require(reloading.firstMatch(of: /RELOADING=1\nMONOTONIC_USEC=(\d+)/)?.1, "\(reloading)")
        let lag = Int64(monotonicMicroseconds()) - Int64(monotonic)!
        #expect(lag >= 0 && lag < 10_000_000, "\(reloading)")
        #expect(reload.last?.contains("READY=1") == true && reload.count >= 2, "\(reload)")

        // A stop: STOPPING=1, then a clean exit.
        daemon.send(SIGTERM)
        #expect(socket.receive(until: { $0.contains("STOPPING=1") }, within: .seconds(5)).last?.contains("STOPPING=1") == true)
        #expect(daemon.exitStatus(within: .seconds(2)) == 0)
    }

    @Test func aLongStartUpAsksForMoreTimeBeforeReady() throws {
        let sandbox = try Sandbox.generated(customers: 3_000, imported: true)
        let socket = try NotifySocket()
        let daemon = try DaemonProcess(sandbox, environment: ["NOTIFY_SOCKET": socket.address])
        let clock = ContinuousClock()
        let started = clock.now
        let messages = socket.receive(until: { $0.contains("READY=1") }, within: .seconds(120))
        let startUp = clock.now - started
        #expect(messages.last?.contains("READY=1") == true, "\(daemon.logText)")
        let extensions = messages.filter { $0.hasPrefix("EXTEND_TIMEOUT_USEC=") }
        // One request a second after the first: a start-up of n seconds asks about n − 1 times.
        #expect(startUp < .seconds(2) || !extensions.isEmpty, "start-up took \(startUp)")
        #expect(extensions.allSatisfy { $0 == "EXTEND_TIMEOUT_USEC=3000000" }, "\(extensions)")
        // Ready, it asks no more.
        #expect(socket.receive(until: { _ in false }, within: .milliseconds(1_500)).allSatisfy { !$0.hasPrefix("EXTEND_TIMEOUT_USEC=") })
    }

    /// The names of the example's customers.
    private func exampleCustomerNames(_ sandbox: Sandbox) throws -> Set<String> {
        let text = try String(contentsOf: sandbox.examples.appendingPathComponent("customers.jsonl"), encoding: .utf8)
        return Set(
            text.split(separator: "\n").compactMap {
                (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["name"] as? String
            })
    }

    private func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
    }
}

extension NotifySocket {
    /// The datagrams received until one satisfies `done` (included) or `timeout` passes.
    func receive(until done: (String) -> Bool, within timeout: Duration) -> [String] {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var messages: [String] = []
        while clock.now < deadline {
            guard let message = receive(timeout: deadline - clock.now) else { break }
            messages.append(message)
            if done(message) { break }
        }
        return messages
    }
}
