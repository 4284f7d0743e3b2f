import Foundation
import Testing

@testable import KizunaCore

/// Every broken playbook under Fixtures/broken-playbooks is rejected with exactly the
/// diagnostics its sibling `.expected` file lists, one per line.
@Suite struct PlaybookFixtureTests {
    static let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
        .appendingPathComponent("broken-playbooks")

    static var names: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }

    @Test func corpusIsNotEmpty() {
        #expect(Self.names.count >= 15)
    }

    @Test(arguments: names)
    func brokenPlaybookReportsExactlyItsExpectedDiagnostics(name: String) throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
        let expectedFile = Self.folder.appendingPathComponent(name.replacingOccurrences(of: ".yaml", with: ".expected"))
        let expected = try String(contentsOf: expectedFile, encoding: .utf8)
        #expect(throws: DiagnosticList.self) { try PlaybookLoader.load(file: name, text: text) }
        do {
            _ = try PlaybookLoader.load(file: name, text: text)
        } catch {
            #expect(error.description + "\n" == expected)
        }
    }
}
