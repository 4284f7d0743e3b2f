import KizunaCore
import Testing

/// A recomputation finds each row's customer by the bytes of its id: the slot of every id
/// in any order, none for others, and ids that differ only in their bytes kept apart, as the
/// store keeps them.
@Suite struct CustomerSlotsTests {
    @Test func everyIdHasItsPositionInAnyOrder() {
        let ids = (0..<5_000).map { "customer-\($0)" }.sorted()
        var slots = CustomerSlots(ids)
        for (slot, id) in ids.enumerated() { #expect(slots.slot(of: id) == slot) }
        // Zone by zone, as a metric's rows of one instant come: every fifth, then from the end.
        for (slot, id) in ids.enumerated().filter({ $0.offset % 5 == 3 }) { #expect(slots.slot(of: id) == slot) }
        for (slot, id) in ids.enumerated().reversed() { #expect(slots.slot(of: id) == slot) }
        for id in ["customer-5000", "customer-", "", "Customer-1", "customer-00"] { #expect(slots.slot(of: id) == nil, "\(id)") }
    }

    @Test func theBytesOfAnIdFindItsPosition() {
        var slots = CustomerSlots(["a", "b", "ab"])
        for (id, slot) in [("ab", 2), ("a", 0), ("b", 1)] {
            let found = Array(id.utf8).withUnsafeBytes { slots.slot(ofUTF8: $0) }
            #expect(found == slot)
        }
        #expect(Array("abc".utf8).withUnsafeBytes { slots.slot(ofUTF8: $0) } == nil)
    }

    /// "é" composed and decomposed are equal Strings, yet two customers to the store.
    @Test func idsDifferingOnlyInTheirBytesAreDifferentCustomers() {
        let composed = "caf\u{E9}"
        let decomposed = "cafe\u{301}"
        var slots = CustomerSlots([composed, decomposed, "", composed])
        #expect(slots.slot(of: decomposed) == 1)
        #expect(slots.slot(of: composed) == 0, "the first of equal ids")
        #expect(slots.slot(of: "") == 2)
        #expect(CustomerSlots([]).ids.isEmpty)
        var none = CustomerSlots([])
        #expect(none.slot(of: composed) == nil)
    }
}
