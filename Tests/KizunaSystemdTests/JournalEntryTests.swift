import KizunaSystemd
import Logging
import Testing

@Suite("Journal entries from log events")
struct JournalEntryTests {
    @Test("message, priority, identifier, then metadata as KIZUNA_ fields in key order")
    func fields() {
        let entry = JournalEntry(
            level: .warning, message: "Reminder late", metadata: ["task": "f8616db", "customer": "acme-corp"], identifier: "kizunad")
        #expect(
            entry.fields == [
                "MESSAGE=Reminder late", "PRIORITY=4", "SYSLOG_IDENTIFIER=kizunad",
                "KIZUNA_CUSTOMER=acme-corp", "KIZUNA_TASK=f8616db",
            ])
    }

    @Test("levels map to syslog priorities")
    func priorities() {
        let levels: [Logger.Level] = [.trace, .debug, .info, .notice, .warning, .error, .critical]
        #expect(levels.map(JournalEntry.priority(of:)) == [7, 7, 6, 5, 4, 3, 2])
    }

    @Test("metadata keys become valid journal field names")
    func fieldNames() {
        #expect(JournalEntry.fieldName(forMetadataKey: "customer") == "KIZUNA_CUSTOMER")
        #expect(JournalEntry.fieldName(forMetadataKey: "channel.name") == "KIZUNA_CHANNEL_NAME")
        #expect(JournalEntry.fieldName(forMetadataKey: "délai-jours") == "KIZUNA_D_LAI_JOURS")
        #expect(JournalEntry.fieldName(forMetadataKey: String(repeating: "x", count: 100)).count == 64)
    }

    @Test("structured metadata is written as swift-log prints it")
    func nestedMetadata() {
        let entry = JournalEntry(level: .info, message: "m", metadata: ["steps": ["agenda", "review"]], identifier: "kizunad")
        #expect(entry.fields.last == #"KIZUNA_STEPS=["agenda", "review"]"#)
    }
}
