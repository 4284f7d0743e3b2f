import Foundation
import Testing

/// The `import:` section of the configuration: a CRM's column names declared once, `--map` replacing them.
@Suite struct ImportColumnsTests {
    let sandbox: Sandbox

    init() throws {
        sandbox = try Sandbox(planned: false)
    }

    /// Appends `section` to the sandbox's configuration; returns the line its first line lands on.
    @discardableResult
    private func configure(_ section: String) throws -> Int {
        var text = try String(contentsOfFile: sandbox.config, encoding: .utf8)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).count
        text += section
        try text.write(toFile: sandbox.config, atomically: true, encoding: .utf8)
        return line
    }

    /// A CRM export whose id, name and owner columns have the CRM's names.
    private func export() throws -> String {
        try sandbox.write(
            "Account ID,Account Name,Owner,Rep,stage,stage_entered\n"
                + "acme,Acme,alice,carol,onboarding,2026-11-20\n"
                + "globex,Globex,bob,dave,mature,2026-01-05\n",
            to: "export.csv")
    }

    private func csm(of customer: String) throws -> String? {
        try sandbox.run(["show", customer, "--json"]).stdout.firstMatch(of: /"csm" : "(\w+)"/).map { String($0.1) }
    }

    @Test func theConfiguredColumnsMapAFileWithoutMap() throws {
        try configure(
            """
            import:
              customers:
                columns: { "Account ID": id, "Account Name": name, Owner: csm }

            """)
        let file = try export()
        let result = try sandbox.run(["import", "customers", file])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "Imported 2 customers from \(file): 2 new, 0 updated (0 stage changes), 0 unchanged\n")
        #expect(try csm(of: "acme") == "alice")
    }

    @Test func mapReplacesTheConfiguredColumns() throws {
        try configure(
            """
            import:
              customers:
                columns: { "Account ID": id, "Account Name": name, Owner: csm }

            """)
        let result = try sandbox.run(["import", "customers", try export(), "--map", "Account ID=id,Account Name=name,Rep=csm"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try csm(of: "acme") == "carol")
    }

    @Test func signalColumnsMapToo() throws {
        try configure(
            """
            import:
              signals:
                columns:
                  Account: customer
                  Day: date

            """)
        #expect(try sandbox.run(["import", "customers"]).status == 0)
        let file = try sandbox.write("Account,metric,value,Day\nacme-corp,logins,12,2026-11-20\n", to: "signals.csv")
        let result = try sandbox.run(["import", "signals", file])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "Imported 1 signals from \(file)\n")
    }

    @Test func anUnknownFieldIsAnErrorAtItsPlaceWithAHint() throws {
        let line = try configure(
            """
            import:
              customers:
                columns:
                  Owner: csms
                  Region: territory
              signal: {}

            """)
        let result = try sandbox.run(["import", "customers", try export()])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(result.stderr)")
        #expect(lines[0] == "\(sandbox.config):\(line + 3):14: error: unknown customers field `csms` (did you mean `csm`?)")
        #expect(lines[1].hasPrefix("\(sandbox.config):\(line + 4):15: error: unknown customers field `territory` (expected one of id, name, csm,"))
        #expect(lines[2] == "\(sandbox.config):\(line + 5):3: error: unknown key `signal` in the import settings (did you mean `signals`?)")
        #expect(!FileManager.default.fileExists(atPath: sandbox.storePath))
    }
}
