import Foundation
import Testing

@Suite struct ImportCommandTests {
    let sandbox: Sandbox

    init() throws {
        sandbox = try Sandbox(planned: false)
    }

    @Test func importingTheConfiguredFileTwiceChangesNothingTheSecondTime() throws {
        let first = try sandbox.run(["import", "customers"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasSuffix(": 36 new, 0 updated (0 stage changes), 0 unchanged\n"))
        let second = try sandbox.run(["import", "customers"])
        #expect(second.stdout.hasSuffix(": 0 new, 0 updated (0 stage changes), 36 unchanged\n"))
    }

    @Test func aCRMExportWithMappedColumnsQuotesAndCRLF() throws {
        let file = try sandbox.write(
            "Account ID,Account Name,Owner,stage,stage_entered,Notes\r\n"
                + "acme,\"Acme, Inc\",alice,onboarding,2026-11-20,\"first line\r\nsecond line\"\r\n"
                + "globex,Globex,bob,mature,2026-01-05,\r\n",
            to: "export.csv")
        let result = try sandbox.run(["import", "customers", file, "--map", "Account ID=id,Account Name=name,Owner=csm"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "Imported 2 customers from \(file): 2 new, 0 updated (0 stage changes), 0 unchanged\n")
        let shown = try sandbox.run(["show", "acme", "--json"]).stdout
        #expect(shown.contains("\"name\" : \"Acme, Inc\""))
    }

    @Test func aFileWithABadRowChangesNothingAndNamesEveryRow() throws {
        var data = Data(
            """
            {"id": "ok", "name": "OK", "csm": "alice", "stage": "onboarding", "stage_entered": "2026-11-02"}
            {"id": "typed", "name": "T", "csm": "alice", "stage": "onboarding", "stage_entered": "2026-11-02", "arr": "lots"}
            {"id": "staged", "name": "S", "csm": "alice", "stage": "ripe", "stage_entered": "2026-11-02"}
            {"id": "dated", "name": "D", "csm": "alice", "stage": "onboarding", "stage_entered": "2026-02-30"}
            {"id": "ok", "name": "Again", "csm": "bob", "stage": "adoption", "stage_entered": "2026-11-02"}
            {"id": "huge", "name": "\(String(repeating: "x", count: 10 * 1024 * 1024))", "csm": "a", "stage": "onboarding", "stage_entered": "2026-11-02"}

            """.utf8)
        data.append(contentsOf: [0x7B, 0x22, 0xFF, 0x22, 0x7D, 0x0A])
        let file = sandbox.folder.appendingPathComponent("bad.jsonl")
        try data.write(to: file)
        let result = try sandbox.run(["import", "customers", file.path])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 7)
        #expect(lines[0] == "\(file.path):2:1: error: field `arr`: expected a number of at least 0, found `lots`")
        #expect(lines[1].hasPrefix("\(file.path):3:1: error: field `stage`: unknown stage `ripe`"))
        #expect(lines[2].hasPrefix("\(file.path):4:1: error: field `stage_entered`"))
        #expect(lines[3] == "\(file.path):5:1: error: duplicate of row 1 (`ok`)")
        #expect(lines[4].contains(":6:1: error: field `name`: longer than 64 KiB"))
        #expect(lines[5] == "\(file.path):7:1: error: the line is not valid UTF-8 (save the file as UTF-8)")
        #expect(lines[6].hasSuffix("nothing was imported (fix them, or pass --skip-invalid)"))
        // No store was even created.
        #expect(!FileManager.default.fileExists(atPath: sandbox.storePath))

        let skipping = try sandbox.run(["import", "customers", file.path, "--skip-invalid"])
        #expect(skipping.status == 0, "\(skipping.stderr)")
        #expect(skipping.stdout.hasSuffix("1 new, 0 updated (0 stage changes), 0 unchanged; 6 rows skipped\n"))
        #expect(skipping.stderr.contains("\(file.path):2:1: skipped: field `arr`"))
    }

    /// JSON lines of `count` customers `bulk-1`…, whose row `number` is `bad(number)` when given.
    private func bulkFile(_ count: Int, bad: [Int: String]) throws -> String {
        let lines = (1...count).map { number in
            bad[number]
                ?? #"{"id": "bulk-\#(number)", "name": "Bulk \#(number)", "csm": "alice", "stage": "onboarding", "stage_entered": "2026-11-02"}"#
        }
        return try sandbox.write(lines.joined(separator: "\n") + "\n", to: "bulk.jsonl")
    }

    @Test func aBadRowDeepInALargeFileChangesNothingWrittenBeforeIt() throws {
        #expect(try sandbox.run(["import", "customers"]).status == 0)
        // Rows are written a few thousand at a time while the rest is read: the rows before
        // the bad ones were already written when they were found, and must be undone.
        let file = try bulkFile(
            9_000,
            bad: [
                7_001: #"{"id": "late", "name": "L", "csm": "alice", "stage": "ripe", "stage_entered": "2026-11-02"}"#,
                8_500: #"{"id": "bulk-10", "name": "Again", "csm": "alice", "stage": "onboarding", "stage_entered": "2026-11-02"}"#,
            ])
        let result = try sandbox.run(["import", "customers", file])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines.first?.hasPrefix("\(file):7001:1: error: field `stage`: unknown stage `ripe`") == true)
        #expect(lines.dropFirst().first == "\(file):8500:1: error: duplicate of row 10 (`bulk-10`)")
        #expect(lines.last?.hasSuffix("2 rows of \(file) cannot be imported; nothing was imported (fix them, or pass --skip-invalid)") == true)
        #expect(try sandbox.run(["show", "bulk-1"]).status != 0)
        #expect(try sandbox.run(["import", "customers"]).stdout.hasSuffix(": 0 new, 0 updated (0 stage changes), 36 unchanged\n"))

        let skipping = try sandbox.run(["import", "customers", file, "--skip-invalid"])
        #expect(skipping.status == 0, "\(skipping.stderr)")
        #expect(skipping.stdout.hasSuffix(": 8998 new, 0 updated (0 stage changes), 0 unchanged; 2 rows skipped\n"))
        #expect(try sandbox.run(["show", "bulk-1"]).status == 0)
        #expect(try sandbox.run(["show", "bulk-9000"]).status == 0)
        #expect(try sandbox.run(["show", "late"]).status != 0)
    }

    @Test func aBadRowDeepInAFileForANewStoreLeavesItEmpty() throws {
        let file = try bulkFile(
            9_000, bad: [8_999: #"{"id": "late", "name": "L", "csm": "alice", "stage": "onboarding", "stage_entered": "2026-02-30"}"#])
        let result = try sandbox.run(["import", "customers", file])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("\(file):8999:1: error: field `stage_entered`"))
        #expect(try sandbox.run(["show", "bulk-1"]).status != 0)
        #expect(try sandbox.run(["import", "customers"]).stdout.hasSuffix(": 36 new, 0 updated (0 stage changes), 0 unchanged\n"))
    }

    @Test func aBadMapIsAUsageError() throws {
        let result = try sandbox.run(["import", "customers", "--map", "id"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--map: expected `column=field` pairs"))
    }

    @Test func signalsNeedKnownCustomers() throws {
        _ = try sandbox.run(["import", "customers"])
        let file = try sandbox.write(
            "customer,metric,value,date\nacme-corp,logins,12,2026-11-20\nnobody,logins,3,2026-11-20\n", to: "signals.csv")
        let refused = try sandbox.run(["import", "signals", file])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("signals.csv:3:1: error: field `customer`: no customer `nobody` in the store"))
        let skipped = try sandbox.run(["import", "signals", file, "--skip-invalid"])
        #expect(skipped.status == 0)
        #expect(skipped.stdout.hasSuffix("Imported 1 signals from \(file); 1 rows skipped\n"))
        let again = try sandbox.run(["import", "signals", file, "--skip-invalid"])
        #expect(again.status == 0)
    }

    @Test func setStageRecordsTheChangeAndPlanningFollowsIt() throws {
        _ = try sandbox.run(["import", "customers"])
        _ = try sandbox.run(["plan"])
        let result = try sandbox.run(["customer", "set-stage", "acme-corp", "mature", "--at", "2026-11-23"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("acme-corp is mature since Mon 2026-11-23 00:00"))
        #expect(try sandbox.run(["plan"]).status == 0)
        let shown = try sandbox.run(["show", "acme-corp"]).stdout
        #expect(shown.contains("entered stage mature (set by "))
        #expect(shown.contains("— stage changed to mature"))
        #expect(try sandbox.run(["customer", "set-stage", "acme-corp", "matur"]).stderr.contains("did you mean `mature`?"))
        #expect(try sandbox.run(["customer", "set-stage", "nobody", "mature"]).status == 2)
    }
}
