import Foundation
import KizunaTestSupport

/// Runs the `kizuna-systemd-probe` test program as a process.
enum Probe {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The executable beside the test bundle in the build folder.
    static var executable: String { BuiltExecutable.url(named: "kizuna-systemd-probe").path }

    /// Runs `executable` (the probe by default) with `arguments`, in an environment without
    /// systemd's variables plus `environment`.
    static func run(_ arguments: [String], environment: [String: String] = [:], executable: String = executable) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var inherited = ProcessInfo.processInfo.environment
        for name in ["NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "JOURNAL_STREAM"] { inherited[name] = nil }
        process.environment = inherited.merging(environment) { _, new in new }
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self),
            stderr: String(decoding: errors, as: UTF8.self))
    }
}
