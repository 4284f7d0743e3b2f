import Foundation
import KizunaTestSupport

/// Runs the built `kizuna` binary as a user would, capturing its output and exit code.
struct KizunaBinary {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `kizuna` executable beside the test bundle in the build folder.
    static var executable: URL { executable(named: "kizuna") }

    /// The executable `name` (`kizuna`, `kizunad`) beside the test bundle in the build folder.
    static func executable(named name: String) -> URL { BuiltExecutable.url(named: name) }

    /// The repository's top folder (for `playbooks/` and `examples/`).
    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    static func run(_ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil) throws -> Result {
        try start(arguments, environment: environment, in: directory, output: true).finished()
    }

    /// Starts `kizuna` and returns at once; `output` captures its output in pipes (read them
    /// to the end), else it is discarded.
    static func start(
        _ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil, output: Bool = false,
        executable: URL = executable
    ) throws -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? repository
        var env = ProcessInfo.processInfo.environment
        env["KIZUNA_CONFIG"] = nil
        env.merge(environment) { $1 }
        process.environment = env
        process.standardOutput = output ? Pipe() : FileHandle.nullDevice
        process.standardError = output ? Pipe() : FileHandle.nullDevice
        try process.run()
        return process
    }
}

extension Process {
    /// Reads the output of a process started with `output: true` to its end (a few pages at
    /// most: more would fill a pipe while the other is read), waits for it to exit and returns
    /// what it printed and its exit code.
    func finished() -> KizunaBinary.Result {
        let stdout = (standardOutput as? Pipe)?.fileHandleForReading.readDataToEndOfFile() ?? Data()
        let stderr = (standardError as? Pipe)?.fileHandleForReading.readDataToEndOfFile() ?? Data()
        waitUntilExit()
        return KizunaBinary.Result(
            status: terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }
}
