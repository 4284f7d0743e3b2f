import Foundation
import Testing

@testable import KizunaCore

@Suite struct WorkspaceReferenceTests {
    /// A team folder with `kizuna.yaml`, the given side files, and `playbooks/` holding `plays`.
    private func team(_ files: [String: String], plays: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kizuna-references-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("playbooks"), withIntermediateDirectories: true)
        for (name, text) in files.merging(["kizuna.yaml": "kizuna: 1\ntimezone: UTC\n"], uniquingKeysWith: { first, _ in first }) {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        for (name, text) in plays {
            try text.write(to: folder.appendingPathComponent("playbooks/\(name)"), atomically: true, encoding: .utf8)
        }
        return folder
    }

    private let health = """
        kizuna: 1
        metrics: [logins, nps, last_login]
        measures:
          - { metric: logins, window: 28 days, bad: 0, good: 20, weight: 1 }
        """

    private func play(_ id: String, _ trigger: String) -> String {
        "kizuna: 1\nplaybook: \(id)\ntitle: \(id)\n\(trigger)\ntask: { title: Call, owner: alice }\n"
    }

    private func problems(_ folder: URL) -> [String] {
        do {
            _ = try Workspace.load(configPath: folder.appendingPathComponent("kizuna.yaml").path)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func unknownMetricsAndPlaybooksAreErrorsAtTheirPlaceWithTheClosestName() throws {
        let folder = try team(
            [
                "health.yaml": health,
                "lifecycle.yaml": """
                    kizuna: 1
                    transitions:
                      - from: onboarding
                        to: adoption
                        when: 'checklist_complete("onbording") or login >= 10'
                    """,
            ],
            plays: [
                "onboarding.yaml": play("onboarding", "dates: [stage entered]"),
                "risk.yaml": play("risk", "when: days_since(last_login) > 14 and usage < 3"),
            ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let lifecycle = folder.appendingPathComponent("lifecycle.yaml").path
        let risk = folder.appendingPathComponent("playbooks/risk.yaml").path
        #expect(problems(folder) == [
            "\(lifecycle):5:32: error: unknown playbook `onbording` (did you mean `onboarding`?)",
            "\(lifecycle):5:47: error: unknown metric `login`: the health model does not name it (did you mean `logins`?)",
            "\(risk):4:39: error: unknown metric `usage`: the health model does not name it (add it to `metrics` in health.yaml)",
        ])
    }

    @Test func withoutMetricsTheMeasuresNameTheKnownMetricsAndWithoutAModelAnyMetricGoes() throws {
        let measuresOnly = try team(
            ["health.yaml": "kizuna: 1\nmeasures:\n  - { metric: logins, window: 28 days, bad: 0, good: 20, weight: 1 }\n"],
            plays: ["risk.yaml": play("risk", "when: nps <= 6 or logins < 2")])
        defer { try? FileManager.default.removeItem(at: measuresOnly) }
        #expect(problems(measuresOnly).map { $0.contains("unknown metric `nps`") } == [true])
        let noModel = try team([:], plays: ["risk.yaml": play("risk", "when: nps <= 6 or logins < 2")])
        defer { try? FileManager.default.removeItem(at: noModel) }
        #expect(problems(noModel) == [])
    }

    @Test func aSegmentCannotReadAChecklist() throws {
        let folder = try team(
            [:],
            plays: [
                "onboarding.yaml": play("onboarding", "dates: [stage entered]"),
                "review.yaml": play("review", "applies:\n  segment: checklist_complete(\"onboarding\")\ndates: [renewal date]"),
            ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let review = folder.appendingPathComponent("playbooks/review.yaml").path
        #expect(problems(folder) == [
            "\(review):5:32: error: `checklist_complete` cannot select a segment "
                + "(trigger the play with `when: checklist_complete(\"onboarding\")` instead)"
        ])
    }
}
