import Foundation
import GRDB
import KizunaStore
import Testing

/// Real processes killed mid-write, planning at once, and stores that cannot be used.
///
/// The kill tests wait a few milliseconds of real time, drawn from a fixed seed, before
/// `kill -9`: the moment must fall inside the write, which only real time reaches.
@Suite(.serialized, .timeLimit(.minutes(5))) struct ReliabilityTests {
    static let customerCount = 10_000

    private func generatedSandbox(planned: Bool) throws -> Sandbox {
        try Sandbox.generated(customers: Self.customerCount, imported: planned)
    }

    private func customers(_ path: String) throws -> Int {
        guard FileManager.default.fileExists(atPath: path) else { return 0 }
        return try Store(path: path).counts().customers
    }

    /// Starts `arguments`, kills it with SIGKILL after `delay` milliseconds, and returns whether it was still running.
    private func killed(_ sandbox: Sandbox, _ arguments: [String], afterMilliseconds delay: Int) throws -> Bool {
        let process = try sandbox.start(arguments)
        usleep(useconds_t(delay * 1_000))
        let running = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return running
    }

    @Test func anImportKilledAtAnyMomentLeavesAllOrNothing() throws {
        var random = SeededRandom(seed: 2026)
        var interrupted = 0
        for _ in 0..<6 {
            let sandbox = try generatedSandbox(planned: false)
            let delay = Int.random(in: 30...800, using: &random)
            if try killed(sandbox, ["import", "customers"], afterMilliseconds: delay) { interrupted += 1 }
            let count = try customers(sandbox.storePath)
            #expect(count == 0 || count == Self.customerCount, "killed after \(delay) ms: \(count) customers")
            let again = try sandbox.run(["import", "customers"])
            #expect(again.status == 0, "\(again.stderr)")
            #expect(try customers(sandbox.storePath) == Self.customerCount)
        }
        #expect(interrupted > 0)
    }

    @Test func aPlanKilledAtAnyMomentLeavesNoHalfPlannedCustomer() throws {
        let reference = try generatedSandbox(planned: true)
        #expect(try reference.run(["plan"]).status == 0)
        let complete = try StoreFile.tasksPerCustomer(reference.storePath)
        #expect(complete.count > Self.customerCount / 2)
        var random = SeededRandom(seed: 42)
        var interrupted = 0
        for _ in 0..<3 {
            let sandbox = try generatedSandbox(planned: true)
            let delay = Int.random(in: 100...2_000, using: &random)
            if try killed(sandbox, ["plan"], afterMilliseconds: delay) { interrupted += 1 }
            let partial = try StoreFile.tasksPerCustomer(sandbox.storePath)
            let halfPlanned = partial.filter { complete[$0.key] != $0.value }
            #expect(halfPlanned.isEmpty, "killed after \(delay) ms: \(halfPlanned.count) customers half planned")
            #expect(try sandbox.run(["plan"]).status == 0)
            #expect(try StoreFile.tasksPerCustomer(sandbox.storePath) == complete)
            #expect(try sandbox.run(["today", "--owner", "csm-3"]).status == 0)
        }
        #expect(interrupted > 0)
    }

    @Test func twoPlansAtOnceStoreExactlyWhatOneWould() throws {
        let reference = try generatedSandbox(planned: true)
        #expect(try reference.run(["plan"]).status == 0)
        let sandbox = try generatedSandbox(planned: true)
        let plans = [try sandbox.start(["plan"], output: true), try sandbox.start(["plan"], output: true)]
        for result in plans.map({ $0.finished() }) {
            #expect(result.status == 0, "\(result.stderr)")
        }
        #expect(try StoreFile.tasksPerCustomer(sandbox.storePath) == StoreFile.tasksPerCustomer(reference.storePath))
        #expect(try Store(path: sandbox.storePath).counts() == Store(path: reference.storePath).counts())
    }
}

@Suite struct BrokenStoreTests {
    let sandbox: Sandbox

    init() throws {
        sandbox = try Sandbox()
    }

    @Test func aDamagedFileIsReportedNotCrashedOn() throws {
        try FileManager.default.removeItem(atPath: sandbox.storePath)
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: sandbox.storePath + suffix) }
        try Data(repeating: 0x42, count: 8_192).write(to: URL(fileURLWithPath: sandbox.storePath))
        for arguments in [["today"], ["plan"], ["done", "abcd"], ["import", "customers"]] {
            let result = try sandbox.run(arguments)
            #expect(result.status == 3, "\(arguments)")
            #expect(result.stderr.contains("is not a Kizuna store or is damaged"), "\(arguments): \(result.stderr)")
        }
    }

    @Test func aStoreFromANewerKizunaIsRefused() throws {
        try DatabaseQueue(path: sandbox.storePath).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99')")
        }
        let result = try sandbox.run(["today"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("written by a newer version of Kizuna"))
        #expect(try sandbox.run(["plan"]).status == 3)
    }

    @Test func aStoreLockedByAnotherProcessIsBusyNotHung() throws {
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        let lock = try DatabaseQueue(path: sandbox.storePath, configuration: configuration)
        try lock.inDatabase { db in try db.execute(sql: "BEGIN EXCLUSIVE") }
        defer { try? lock.inDatabase { db in try db.execute(sql: "ROLLBACK") } }
        let id = try #require(try sandbox.run(["today", "--json"]).stdout.firstMatch(of: /"short_id" : "(\w+)"/)?.1)
        let result = try sandbox.run(["done", String(id)], environment: ["KIZUNA_BUSY_TIMEOUT": "0.2"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("is busy"))
    }

    @Test func aStateDirectoryThatCannotBeMadeIsReported() throws {
        let blocker = try sandbox.write("not a folder", to: "blocker")
        let config = try String(contentsOfFile: sandbox.config, encoding: .utf8)
            .replacingOccurrences(of: "state_directory: .state", with: "state_directory: \(blocker)/state")
        try config.write(toFile: sandbox.config, atomically: true, encoding: .utf8)
        let result = try sandbox.run(["import", "customers"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("cannot create the folder of the store"))
    }
}
