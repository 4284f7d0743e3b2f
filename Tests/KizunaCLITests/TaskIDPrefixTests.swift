import Foundation
import GRDB
import Testing

/// Task id prefixes through the binary: one that several tasks share, and one no task has.
///
/// Task ids are hashes of the playbook, step, customer and occurrence, and the clock is
/// pinned, so a store planned from the same generated customers holds the same ids every
/// run: its 1,200 tasks have a dozen four-digit prefixes that two of them share.
@Suite struct TaskIDPrefixTests {
    static let customerCount = 400
    let sandbox: Sandbox
    /// Every task id of the sandbox's store, ascending.
    let ids: [String]

    init() throws {
        sandbox = try Sandbox(planned: false)
        try GeneratedCustomers.jsonLines(count: Self.customerCount)
            .write(to: sandbox.examples.appendingPathComponent("customers.jsonl"), atomically: true, encoding: .utf8)
        for arguments in [["import", "customers"], ["plan"]] {
            let result = try sandbox.run(arguments)
            guard result.status == 0 else { throw SandboxError(arguments: arguments, result: result) }
        }
        ids = try DatabaseQueue(path: sandbox.storePath).read { db in try String.fetchAll(db, sql: "SELECT id FROM tasks ORDER BY id") }
    }

    /// The ids that start with the first four-digit prefix two or more tasks share.
    private func sharedPrefix() throws -> (prefix: String, ids: [String]) {
        let groups = Dictionary(grouping: ids) { String($0.prefix(4)) }
        let prefix = try #require(groups.keys.sorted().first { groups[$0]!.count > 1 }, "no two of \(ids.count) tasks share 4 digits")
        return (prefix, groups[prefix]!)
    }

    @Test(arguments: [["show"], ["done"], ["snooze", "--until", "2026-11-30"]])
    func anAmbiguousPrefixExits2AndListsTheCandidates(command: [String]) throws {
        let shared = try sharedPrefix()
        let result = try sandbox.run([command[0], shared.prefix] + command.dropFirst())
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("task id prefix `\(shared.prefix)` is ambiguous"))
        for id in shared.ids {
            #expect(result.stderr.contains(id))
        }
    }

    @Test(arguments: [["show"], ["done"]])
    func aPrefixNoTaskHasExits2(command: [String]) throws {
        let taken = Set(ids.map { $0.prefix(4) })
        let unknown = try #require((0..<0x10000).lazy.map { String(format: "%04x", $0) }.first { !taken.contains(Substring($0)) })
        let result = try sandbox.run(command + [unknown])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("no task id"))
        #expect(result.stderr.contains("`\(unknown)`"))
    }
}
