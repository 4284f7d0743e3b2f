import Foundation

/// A `kizunad` started on a sandbox, as systemd would start it, with its log in a file.
/// It is killed when the test lets go of it, if it still runs.
final class DaemonProcess {
    let process: Process
    let log: URL
    private let sandbox: Sandbox

    /// Starts the daemon on the sandbox's configuration; `environment` adds to (or, with
    /// `KIZUNA_NOW`, replaces) the sandbox's pinned clock.
    init(_ sandbox: Sandbox, environment: [String: String] = [:], arguments: [String] = []) throws {
        self.sandbox = sandbox
        log = sandbox.folder.appendingPathComponent("kizunad-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process = Process()
        process.executableURL = KizunaBinary.executable(named: "kizunad")
        process.arguments = ["--config", sandbox.config] + arguments
        process.currentDirectoryURL = sandbox.folder
        var env = ProcessInfo.processInfo.environment
        env["KIZUNA_CONFIG"] = nil
        env["KIZUNA_NOW"] = sandbox.now
        env.merge(environment) { $1 }
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    var logText: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    func send(_ signal: Int32) { kill(process.processIdentifier, signal) }

    /// The exit status once the process ended within `timeout`, else `nil`.
    func exitStatus(within timeout: Duration) -> Int32? {
        eventually(within: timeout) { !process.isRunning } ? process.terminationStatus : nil
    }

    /// The daemon's status file, as JSON, when it has written one.
    var status: [String: Any]? {
        let file = sandbox.examples.appendingPathComponent(".state/kizunad.status.json")
        guard let data = try? Data(contentsOf: file) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }

    /// Each thread's context switches so far (voluntary and not), by thread id: how often
    /// the kernel woke or preempted it.
    var contextSwitches: [String: Int] {
        let tasks = "/proc/\(process.processIdentifier)/task"
        let threads = (try? FileManager.default.contentsOfDirectory(atPath: tasks)) ?? []
        return Dictionary(
            uniqueKeysWithValues: threads.map { thread in
                let status = (try? String(contentsOfFile: "\(tasks)/\(thread)/status", encoding: .utf8)) ?? ""
                let switches = status.split(separator: "\n").filter { $0.contains("ctxt_switches:") }
                return (thread, switches.compactMap { Int($0.split(separator: "\t").last ?? "") }.reduce(0, +))
            })
    }

    /// How many times the daemon's threads were switched in over `duration` (real time), the
    /// threads that ended meanwhile aside.
    func wakeUps(over duration: Duration) -> Int {
        let before = contextSwitches
        usleep(useconds_t(duration.components.seconds * 1_000_000 + duration.components.attoseconds / 1_000_000_000_000))
        return contextSwitches.reduce(0) { sum, thread in sum + thread.value - (before[thread.key] ?? thread.value) }
    }

    /// How many planning passes the status records.
    var passes: Int { status?["passes"] as? Int ?? 0 }

    /// Waits until a planning pass for `cause` is recorded after the first `previous` passes,
    /// and returns it.
    func waitForPlan(cause: String, after previous: Int = 0, within timeout: Duration) -> [String: Any]? {
        var found: [String: Any]?
        _ = eventually(within: timeout) {
            guard passes > previous, let plan = status?["lastPlan"] as? [String: Any], plan["cause"] as? String == cause else {
                return false
            }
            found = plan
            return true
        }
        return found
    }
}

/// Checks `condition` every 20 ms until it holds or `timeout` passes; whether it held.
func eventually(within timeout: Duration, _ condition: () throws -> Bool) rethrows -> Bool {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    while clock.now < deadline {
        if try condition() { return true }
        usleep(20_000)
    }
    return try condition()
}
