import KizunaCore
import Testing

@Suite("Stable digests")
struct StableDigestTests {
    @Test("a task's id is the one every earlier version gave the same occurrence")
    func taskIDsStay() {
        let id = TaskID(playbook: "onboarding-weekly", step: "task", customer: "customer-12182", occurrence: "2026-12-01T10:00:00")
        #expect(id.hex == "0006f5ddc219e1f6")
    }

    @Test("numbers are fed as their eight bytes, least significant first")
    func numbers() {
        var number = StableDigest()
        number.add(Int64(0x0102))
        var bytes = StableDigest()
        for byte: UInt8 in [2, 1, 0, 0, 0, 0, 0, 0] { bytes.add(byte: byte) }
        #expect(number.value == bytes.value)
        var text = StableDigest()
        text.add("\u{2}\u{1}")
        #expect(text.value != number.value)
    }
}
