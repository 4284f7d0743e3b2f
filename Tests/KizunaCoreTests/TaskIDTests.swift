import KizunaCore
import Testing

/// The form of a task id read back from storage or typed on a command line.
@Suite("Task ids") struct TaskIDTests {
    @Test func sixteenLowercaseHexDigitsAreAnID() {
        #expect(TaskID(hex: "0123456789abcdef")?.hex == "0123456789abcdef")
        let planned = TaskID(playbook: "onboarding", step: "kickoff", customer: "acme", occurrence: "2026-11-24")
        #expect(TaskID(hex: planned.hex) == planned)
    }

    @Test func anythingElseIsNot() {
        for text in ["0123456789ABCDEF", "0123456789abcde", "0123456789abcdef0", "0123456789abcdeg", "", "0123456789abcde\u{FF46}"] {
            #expect(TaskID(hex: text) == nil, "\(text)")
        }
    }
}
