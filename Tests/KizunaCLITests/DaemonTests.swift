import Foundation
import KizunaStore
import KizunaTestSupport
import Testing

/// The real `kizunad` as a process on a copy of the example, with the clock pinned (and,
/// where a test needs time to pass, accelerated), driven the way a team drives it.
@Suite(.serialized, .timeLimit(.minutes(5))) struct DaemonTests {
    @Test func theFirstPlanIsDoneSoonAfterStart() throws {
        let sandbox = try Sandbox(planned: false)
        #expect(try sandbox.run(["import", "customers"]).status == 0)
        #expect(try StoreFile.tasksPerCustomer(sandbox.storePath).isEmpty)
        let daemon = try DaemonProcess(sandbox)
        let plan = try #require(daemon.waitForPlan(cause: "start", within: .seconds(10)), "\(daemon.logText)")
        #expect(plan["today"] as? String == "2026-11-24")
        #expect((plan["created"] as? Int ?? 0) > 0)
        #expect(try StoreFile.tasksPerCustomer(sandbox.storePath).count > 10)
        // The next wake is recorded once the timer is armed, right after the pass.
        #expect(eventually(within: .seconds(3)) { daemon.status?["nextWake"] != nil })
        let status = try sandbox.run(["status"])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("kizunad: running, pid \(daemon.process.processIdentifier)"), "\(status.stdout)")
        #expect(status.stdout.contains("next wake-up: 2026-11-24T10:00:00-05:00, reminders and digests"), "\(status.stdout)")
    }

    @Test func anEditedPlaybookIsPlannedWithoutASignal() throws {
        let sandbox = try Sandbox()
        let daemon = try DaemonProcess(sandbox)
        #expect(daemon.waitForPlan(cause: "start", within: .seconds(10)) != nil)
        let file = sandbox.playbooks.appendingPathComponent("onboarding-weekly.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "Onboarding follow-up: {{", with: "Weekly onboarding call: {{")
            .write(to: file, atomically: true, encoding: .utf8)
        let renamed = try eventually(within: .seconds(3)) {
            try StoreFile.tasks(sandbox.storePath, titleContaining: "Weekly onboarding call: Acme Corp") > 0
        }
        #expect(renamed, "\(daemon.logText)")
        // The pass records itself in the status file once its last batch is stored.
        #expect(daemon.waitForPlan(cause: "reload", within: .seconds(3)) != nil, "\(daemon.logText)")
    }

    @Test func aBrokenPlaybookKeepsTheLastGoodSetAndShowsWhere() throws {
        let sandbox = try Sandbox()
        let daemon = try DaemonProcess(sandbox)
        #expect(daemon.waitForPlan(cause: "start", within: .seconds(10)) != nil)
        let broken = sandbox.playbooks.appendingPathComponent("health-risk.yaml")
        let good = try String(contentsOf: broken, encoding: .utf8)
        try good.replacingOccurrences(of: "\ntitle:", with: "\ntitel:").write(to: broken, atomically: true, encoding: .utf8)
        let reported = eventually(within: .seconds(3)) {
            (daemon.status?["lastReload"] as? [String: Any])?["succeeded"] as? Bool == false
        }
        #expect(reported, "\(daemon.logText)")
        #expect(daemon.process.isRunning)
        let status = try sandbox.run(["status"])
        #expect(status.status == 1)
        #expect(status.stdout.contains("failed, the last good playbooks keep running"), "\(status.stdout)")
        #expect(status.stdout.contains(#/health-risk\.yaml:\d+:\d+: error: /#), "\(status.stdout)")
        #expect(daemon.logText.contains(#/health-risk\.yaml:\d+:\d+: error: /#))
        // The running set still plans: a store change is planned with the good playbooks.
        #expect(try sandbox.run(["customer", "set-stage", "acme-corp", "adoption"]).status == 0)
        #expect(daemon.waitForPlan(cause: "store changed", within: .seconds(3))?["error"] == nil)
        try good.write(to: broken, atomically: true, encoding: .utf8)
        #expect(daemon.waitForPlan(cause: "reload", within: .seconds(3)) != nil)
        #expect(try sandbox.run(["status"]).status == 0)
    }

    @Test func aRemovedPlaybookCancelsItsTasksAndPlansNoOther() throws {
        let sandbox = try Sandbox()
        let daemon = try DaemonProcess(sandbox)
        #expect(daemon.waitForPlan(cause: "start", within: .seconds(10)) != nil)
        let removed = try StoreFile.tasks(sandbox.storePath, playbook: "renewal-preparation")
        let kept = try StoreFile.tasks(sandbox.storePath, playbook: "onboarding-weekly")
        let open = try #require(removed["open"])
        let passes = daemon.passes
        try FileManager.default.removeItem(at: sandbox.playbooks.appendingPathComponent("renewal-preparation.yaml"))
        let plan = try #require(daemon.waitForPlan(cause: "reload", after: passes, within: .seconds(3)), "\(daemon.logText)")
        #expect(plan["cancelled"] as? Int == open)
        #expect(try StoreFile.tasks(sandbox.storePath, playbook: "renewal-preparation")["cancelled: playbook removed"] == open)
        #expect(try StoreFile.tasks(sandbox.storePath, playbook: "onboarding-weekly") == kept)
        #expect(daemon.logText.contains("(reload, changed playbooks only: renewal-preparation)"), "\(daemon.logText)")
    }

    @Test func anEditedConfigurationIsPlannedWithoutASignal() throws {
        let sandbox = try Sandbox()
        let daemon = try DaemonProcess(sandbox)
        #expect(daemon.waitForPlan(cause: "start", within: .seconds(10)) != nil)
        let passes = daemon.passes
        let before = try Self.lengthenTheHorizon(sandbox)
        let plan = try #require(daemon.waitForPlan(cause: "reload", after: passes, within: .seconds(3)), "\(daemon.logText)")
        #expect((plan["created"] as? Int ?? 0) > 0)
        #expect(try StoreFile.tasksPerCustomer(sandbox.storePath).values.reduce(0, +) > before)
        #expect(daemon.logText.contains("reloaded (files changed)"), "\(daemon.logText)")
    }

    @Test func sighupRereadsTheConfiguration() throws {
        let sandbox = try Sandbox()
        let daemon = try DaemonProcess(sandbox)
        #expect(daemon.waitForPlan(cause: "start", within: .seconds(10)) != nil)
        let before = try Self.lengthenTheHorizon(sandbox)
        daemon.send(SIGHUP)
        // The file is watched too: the signal's reload comes first, the watcher's finds nothing new.
        #expect(eventually(within: .seconds(3)) { daemon.logText.contains("reloaded (SIGHUP)") }, "\(daemon.logText)")
        let planned = try eventually(within: .seconds(3)) {
            try StoreFile.tasksPerCustomer(sandbox.storePath).values.reduce(0, +) > before
        }
        #expect(planned, "\(daemon.logText)")
    }

    /// Lengthens the configured horizon from 21 to 60 days; the number of tasks stored before.
    private static func lengthenTheHorizon(_ sandbox: Sandbox) throws -> Int {
        let before = try StoreFile.tasksPerCustomer(sandbox.storePath).values.reduce(0, +)
        let config = try String(contentsOfFile: sandbox.config, encoding: .utf8)
        try config.replacingOccurrences(of: "horizon: 21 days", with: "horizon: 60 days")
            .write(toFile: sandbox.config, atomically: true, encoding: .utf8)
        return before
    }

    @Test func changesMadeWithKizunaArePlannedWithinASecond() throws {
        let sandbox = try Sandbox()
        let daemon = try DaemonProcess(sandbox)
        #expect(daemon.waitForPlan(cause: "start", within: .seconds(10)) != nil)
        let newcomer = try sandbox.write(
            #"{"id": "newco", "name": "Newco", "csm": "alice", "stage": "onboarding", "stage_entered": "2026-11-20"}"# + "\n",
            to: "newco.jsonl")
        var passes = daemon.passes
        #expect(try sandbox.run(["import", "customers", newcomer]).status == 0)
        let clock = ContinuousClock()
        let imported = clock.now
        #expect(daemon.waitForPlan(cause: "store changed", after: passes, within: .seconds(1)) != nil, "\(daemon.logText)")
        #expect(try StoreFile.tasksPerCustomer(sandbox.storePath)["newco"] ?? 0 > 0)
        #expect(clock.now - imported < .seconds(1))
        let id = try #require(try sandbox.run(["today", "--json"]).stdout.firstMatch(of: /"short_id" : "(\w+)"/)?.1)
        passes = daemon.passes
        #expect(try sandbox.run(["done", String(id)]).status == 0)
        #expect(daemon.waitForPlan(cause: "store changed", after: passes, within: .seconds(1)) != nil, "\(daemon.logText)")
    }

    @Test func midnightMovesThePlanningWindow() throws {
        let sandbox = try Sandbox()
        let daemon = try DaemonProcess(sandbox, environment: ["KIZUNA_NOW": "2026-11-24T23:59:00-05:00"], arguments: ["--clock-rate", "60"])
        #expect(daemon.waitForPlan(cause: "start", within: .seconds(10))?["today"] as? String == "2026-11-24")
        let plan = try #require(daemon.waitForPlan(cause: "midnight", within: .seconds(5)), "\(daemon.logText)")
        #expect(plan["today"] as? String == "2026-11-25")
        let rearmed = eventually(within: .seconds(2)) {
            ((daemon.status?["nextWake"] as? [String: Any])?["purpose"] as? String)?.contains("moves to 2026-11-26") == true
        }
        #expect(rearmed, "\(daemon.status ?? [:])")
    }

    @Test func anIdleDaemonSleepsUntilWhatItOwes() throws {
        let sandbox = try Sandbox()
        let daemon = try DaemonProcess(sandbox)
        #expect(daemon.waitForPlan(cause: "start", within: .seconds(10)) != nil)
        // Armed for the reminders at 10:00, half an hour of the (test) clock away.
        #expect(eventually(within: .seconds(3)) { daemon.status?["nextWake"] != nil })
        // Dispatch ends the pass's worker threads after five idle seconds; then two are left,
        // the main thread and Dispatch's event thread.
        #expect(eventually(within: .seconds(10)) { daemon.contextSwitches.count <= 2 }, "\(daemon.contextSwitches)")
        #expect(daemon.wakeUps(over: .milliseconds(2_500)) < 2)
    }

    /// Scoring health reads signals on two cores, and the channels run a program and post to a
    /// webhook: none of it may leave a timer behind (libdispatch's worker monitor wakes a
    /// process every second once anything has run on a global queue).
    @Test func anIdleDaemonSleepsAfterScoringHealthAndDeliveringOnEveryChannel() throws {
        let sandbox = try HealthCommandTests.sandbox()
        let channels = try ReminderChannels(sandbox)
        let daemon = try DaemonProcess(sandbox, environment: ["KIZUNA_NOW": DaemonDeliveryTests.thursday])
        let delivered = eventually(within: .seconds(20)) {
            !channels.execMessages.isEmpty && !channels.receiver.received.isEmpty && daemon.logText.contains("next wake-up")
        }
        #expect(delivered, "\(daemon.logText)")
        // Once the delivery's threads have ended, a whole second without a wake-up; then none.
        #expect(eventually(within: .seconds(15)) { daemon.wakeUps(over: .seconds(1)) == 0 }, "\(daemon.contextSwitches)")
        #expect(daemon.wakeUps(over: .milliseconds(2_500)) < 2)
    }

    @Test(arguments: [SIGTERM, SIGINT]) func aStopSignalEndsCleanlyWithinASecond(signal: Int32) throws {
        let sandbox = try Sandbox()
        let daemon = try DaemonProcess(sandbox)
        #expect(daemon.waitForPlan(cause: "start", within: .seconds(10)) != nil)
        daemon.send(signal)
        #expect(daemon.exitStatus(within: .seconds(1)) == 0, "\(daemon.logText)")
        #expect(try sandbox.run(["status"]).stdout.contains("kizunad: not running"))
    }

    @Test func aStopDuringALargePlanEndsAfterTheBatchInProgress() throws {
        let sandbox = try Sandbox.generated(customers: 10_000, imported: true)
        let daemon = try DaemonProcess(sandbox)
        #expect(eventually(within: .seconds(10)) { daemon.logText.contains("started with") })
        daemon.send(SIGTERM)
        #expect(daemon.exitStatus(within: .seconds(1)) == 0, "\(daemon.logText)")
        #expect(try StoreFile.duplicates(sandbox.storePath) == 0)
    }

    @Test func aDaemonKilledWhilePlanningRestartsConsistent() throws {
        let customers = 5_000
        let reference = try Sandbox.generated(customers: customers, imported: true)
        #expect(try reference.run(["plan"]).status == 0)
        let complete = try StoreFile.tasksPerCustomer(reference.storePath)
        var random = SeededRandom(seed: 7)
        var interrupted = 0
        for _ in 0..<2 {
            let sandbox = try Sandbox.generated(customers: customers, imported: true)
            let delay = Int.random(in: 300...1_000, using: &random)
            let killed = try DaemonProcess(sandbox)
            usleep(useconds_t(delay * 1_000))
            killed.send(SIGKILL)
            killed.process.waitUntilExit()
            if killed.passes == 0 { interrupted += 1 }
            let partial = try StoreFile.tasksPerCustomer(sandbox.storePath)
            #expect(partial.filter { complete[$0.key] != $0.value }.isEmpty, "killed after \(delay) ms")
            let restarted = try DaemonProcess(sandbox)
            #expect(restarted.waitForPlan(cause: "start", within: .seconds(90)) != nil, "\(restarted.logText)")
            #expect(try StoreFile.tasksPerCustomer(sandbox.storePath) == complete)
            #expect(try StoreFile.duplicates(sandbox.storePath) == 0)
            #expect(try sandbox.run(["plan"]).stdout.contains(": 0 created, 0 updated, 0 cancelled"))
        }
        #expect(interrupted > 0)
    }

    @Test func aSecondDaemonOnTheSameStoreIsRefused() throws {
        let sandbox = try Sandbox()
        let first = try DaemonProcess(sandbox)
        #expect(first.waitForPlan(cause: "start", within: .seconds(10)) != nil)
        let second = try DaemonProcess(sandbox)
        #expect(second.exitStatus(within: .seconds(5)) == 3)
        #expect(second.logText.contains("another kizunad is running"))
    }

    @Test func aBadConfigurationStopsTheStartWithItsLocation() throws {
        let sandbox = try Sandbox(planned: false)
        _ = try sandbox.write("kizuna: 1\ntimezone: Mars/Olympus\n", to: "examples/kizuna.yaml")
        let daemon = try DaemonProcess(sandbox)
        #expect(daemon.exitStatus(within: .seconds(5)) == 1)
        #expect(daemon.logText.contains("kizuna.yaml:2:"), "\(daemon.logText)")
    }
}

@Suite struct StatusCommandTests {
    @Test func statusAsJSONNamesTheDaemonAndTheCounts() throws {
        let sandbox = try Sandbox()
        let daemon = try DaemonProcess(sandbox)
        #expect(daemon.waitForPlan(cause: "start", within: .seconds(10)) != nil)
        // The next wake is recorded once the timer is armed, right after the pass.
        #expect(eventually(within: .seconds(3)) { daemon.status?["nextWake"] != nil })
        let result = try sandbox.run(["status", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let running = try #require(json["daemon"] as? [String: Any])
        #expect(running["running"] as? Bool == true)
        #expect(running["pid"] as? Int == Int(daemon.process.processIdentifier))
        // On the daemon's (test) clock, like the plans' instants.
        #expect((running["since"] as? String)?.hasPrefix("2026-11-24T") == true, "\(running)")
        #expect((running["nextWake"] as? [String: Any])?["at"] as? String == "2026-11-24T10:00:00-05:00")
        let store = try #require(json["store"] as? [String: Any])
        #expect(store["customers"] as? Int == 36)
        #expect((store["openTasks"] as? Int ?? 0) > 0)
        #expect(store["dueToday"] != nil && store["overdue"] != nil)
    }

    @Test func statusWithoutAStoreSaysSoAndExitsWithThree() throws {
        let sandbox = try Sandbox(planned: false)
        let result = try sandbox.run(["status"])
        #expect(result.status == 3)
        #expect(result.stdout.contains("kizunad: not running"))
        #expect(result.stdout.contains("store: "), "\(result.stdout)")
    }
}
