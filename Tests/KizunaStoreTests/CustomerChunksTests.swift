import KizunaCore
import KizunaStore
import Testing

@Suite("Customers written chunk by chunk")
struct CustomerChunksTests {
    private struct Stop: Error {}

    @Test("every chunk goes in one transaction: a source that fails leaves the store as it was")
    func failingSourceRollsBack() throws {
        try withStore { store in
            try store.upsert(customers: [Sample.customer("acme")], at: Sample.monday)
            var chunks = [[Sample.customer("beta")], [Sample.customer("gamma", stage: "adoption")]][...]
            var changed = Sample.customer("acme")
            changed.name = "Acme Corp"
            chunks.append([changed])
            #expect(throws: StoreError.self) {
                try store.upsert(
                    customerChunks: {
                        guard let chunk = chunks.popFirst() else { throw Stop() }
                        return chunk
                    }, at: Sample.at(day: 1))
            }
            #expect(try store.customers() == [Sample.customer("acme")])
        }
    }

    @Test("an id repeated in the same or a later chunk updates the row written before it")
    func repeatedIDs() throws {
        try withStore { store in
            var renamed = Sample.customer("beta")
            renamed.name = "Beta Two"
            renamed.arr = 5_000
            var chunks = [
                [Sample.customer("acme"), Sample.customer("beta"), renamed],
                [Sample.customer("acme", stage: "adoption", entered: Sample.at(day: 2)), Sample.customer("gamma")],
            ][...]
            let result = try store.upsert(customerChunks: { chunks.popFirst() }, at: Sample.monday)
            #expect(result == CustomerImportResult(inserted: 3, updated: 2, stageChanges: 1))
            #expect(try store.customer(id: "beta") == renamed)
            #expect(try store.customer(id: "acme")?.stage == "adoption")
            #expect(
                try store.timeline(customer: "acme").map(\.kind).filter {
                    if case .stageChanged = $0 { true } else { false }
                }.count == 2)
        }
    }
}
