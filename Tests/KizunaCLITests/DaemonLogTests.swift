import Foundation
import Testing

/// What `kizunad` logs about each customer: the entries `journalctl KIZUNA_CUSTOMER=…` finds
/// under systemd (here, plain lines on standard error with the same metadata).
@Suite(.serialized, .timeLimit(.minutes(5))) struct DaemonLogTests {
    @Test func aStageChangeAndTheTasksItCancelsAreLoggedWithTheCustomer() throws {
        let sandbox = try Sandbox()
        let daemon = try DaemonProcess(sandbox)
        #expect(daemon.waitForPlan(cause: "start", within: .seconds(10)) != nil)
        let passes = daemon.passes
        #expect(try sandbox.run(["customer", "set-stage", "acme-corp", "mature"]).status == 0)
        #expect(daemon.waitForPlan(cause: "store changed", after: passes, within: .seconds(5)) != nil, "\(daemon.logText)")
        // The pass's changes are logged right after it is recorded in the status.
        _ = eventually(within: .seconds(5)) { daemon.logText.contains("acme-corp entered stage mature") }
        let lines = daemon.logText.split(separator: "\n").filter { $0.contains("customer=acme-corp") }
        #expect(lines.contains { $0.contains("acme-corp entered stage mature") }, "\(daemon.logText)")
        let cancelled = lines.filter { $0.contains("cancelled \"") }
        #expect(!cancelled.isEmpty, "\(daemon.logText)")
        #expect(cancelled.allSatisfy { $0.contains("playbook=") && $0.contains("task=") })
        // The history from before the start is not logged.
        #expect(!daemon.logText.contains("entered stage onboarding"))
    }

    @Test func aFirstPlanOverManyCustomersLogsOneLineNotOnePerTask() throws {
        let sandbox = try Sandbox.generated(customers: 1_500, imported: true)
        let daemon = try DaemonProcess(sandbox)
        let plan = try #require(daemon.waitForPlan(cause: "start", within: .seconds(120)), "\(daemon.logText)")
        #expect((plan["created"] as? Int ?? 0) > 1_000)
        // The pass's changes are logged right after it is recorded in the status.
        let summarized = eventually(within: .seconds(5)) {
            daemon.logText.contains(#/\d+ task changes and 0 stage changes not logged one by one/#)
        }
        #expect(summarized, "\(daemon.logText)")
        #expect(!daemon.logText.contains(#/\] (created|moved|cancelled) "/#), "a line per task")
    }
}
