import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A journald of the test's own: started in a private mount namespace (so the host's
/// `/run/systemd/journal` is untouched) and writing to a fresh folder, which `journalctl -D`
/// reads back afterwards.
enum PrivateJournal {
    static let journald = "/lib/systemd/systemd-journald"

    /// Why the machine cannot run it, or `nil` when it can.
    static var unavailableReason: String? {
        if getuid() != 0 { return "a private journald needs root (mount namespaces, tmpfs mounts)" }
        for tool in [journald, "/usr/bin/unshare", "/usr/bin/journalctl", "/usr/bin/systemd-cat"]
        where !FileManager.default.isExecutableFile(atPath: tool) {
            return "\(tool) is missing (scripts/setup.sh installs systemd)"
        }
        return nil
    }

    /// Runs the shell `commands` while journald runs, and returns the entries whose
    /// `SYSLOG_IDENTIFIER` is `identifier`, as `journalctl -o json` prints them.
    static func entries(identifier: String, whileRunning commands: String) throws -> [[String: Any]] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kizuna-journal-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = """
            set -e
            mount -t tmpfs tmpfs /run/systemd; mkdir -p /run/systemd/journal
            mount -t tmpfs tmpfs /run/log
            mkdir -p /var/log/journal; mount --bind '\(folder.path)' /var/log/journal
            \(journald) & journald=$!
            for _ in $(seq 250); do [ -S /run/systemd/journal/socket ] && [ -S /run/systemd/journal/stdout ] && break; sleep 0.02; done
            \(commands)
            journalctl --flush; kill $journald; wait $journald || true
            """
        let unshare = try run("/usr/bin/unshare", ["--mount", "--propagation", "private", "/bin/bash", "-c", script])
        guard unshare.status == 0 else { throw JournalError(output: unshare.output) }
        let read = try run("/usr/bin/journalctl", ["-D", folder.path, "-o", "json", "SYSLOG_IDENTIFIER=" + identifier])
        return read.output.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    struct JournalError: Error, CustomStringConvertible {
        var output: String
        var description: String { "the private journal failed:\n\(output)" }
    }

    private static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
