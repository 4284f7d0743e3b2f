import Foundation

/// A copy of the shipped example (configuration, customers, holidays, playbooks) in a
/// temporary folder, with its own store, and the clock pinned with `KIZUNA_NOW`.
final class Sandbox {
    /// Tuesday 2026-11-24, 09:30 in New York: the onboarding follow-ups are due today.
    static let tuesday = "2026-11-24T09:30:00-05:00"

    let folder: URL
    let now: String

    var config: String { folder.appendingPathComponent("examples/kizuna.yaml").path }
    var examples: URL { folder.appendingPathComponent("examples") }
    var playbooks: URL { folder.appendingPathComponent("playbooks") }
    var storePath: String { examples.appendingPathComponent(".state/kizuna.sqlite").path }

    /// A new sandbox; `planned` imports the example customers and runs `kizuna plan`.
    init(now: String = Sandbox.tuesday, planned: Bool = true) throws {
        let files = FileManager.default
        folder = files.temporaryDirectory.appendingPathComponent("kizuna-cli-\(UUID().uuidString)")
        self.now = now
        try files.createDirectory(at: examples, withIntermediateDirectories: true)
        let repository = KizunaBinary.repository
        for name in ["kizuna.yaml", "customers.jsonl", "holidays-us.ics"] {
            try files.copyItem(
                at: repository.appendingPathComponent("examples/\(name)"), to: examples.appendingPathComponent(name))
        }
        try files.copyItem(at: repository.appendingPathComponent("playbooks"), to: playbooks)
        if planned {
            for arguments in [["import", "customers"], ["plan"]] {
                let result = try run(arguments)
                guard result.status == 0 else { throw SandboxError(arguments: arguments, result: result) }
            }
        }
    }

    /// A sandbox whose configured customers file holds `customers` generated customers,
    /// imported into the store when `imported`.
    static func generated(customers: Int, imported: Bool) throws -> Sandbox {
        let sandbox = try Sandbox(planned: false)
        try GeneratedCustomers.jsonLines(count: customers)
            .write(to: sandbox.examples.appendingPathComponent("customers.jsonl"), atomically: true, encoding: .utf8)
        if imported {
            let result = try sandbox.run(["import", "customers"])
            guard result.status == 0 else { throw SandboxError(arguments: ["import", "customers"], result: result) }
        }
        return sandbox
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs `kizuna` on the sandbox's configuration at the sandbox's instant.
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> KizunaBinary.Result {
        try KizunaBinary.run(
            arguments, environment: ["KIZUNA_CONFIG": config, "KIZUNA_NOW": now].merging(environment) { $1 }, in: folder)
    }

    /// Starts `kizuna` on the sandbox without waiting for it; its output is discarded, or
    /// captured with `output` (then `finished()` reads it).
    func start(_ arguments: [String], environment: [String: String] = [:], output: Bool = false) throws -> Process {
        try KizunaBinary.start(
            arguments, environment: ["KIZUNA_CONFIG": config, "KIZUNA_NOW": now].merging(environment) { $1 }, in: folder,
            output: output)
    }

    /// Writes `text` to a file of the sandbox and returns its path.
    func write(_ text: String, to name: String) throws -> String {
        let file = folder.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }
}

/// A sandbox command that failed while setting up.
struct SandboxError: Error, CustomStringConvertible {
    var arguments: [String]
    var result: KizunaBinary.Result

    var description: String { "kizuna \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)" }
}
