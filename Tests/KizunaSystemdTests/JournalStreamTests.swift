import KizunaSystemd
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("JOURNAL_STREAM")
struct JournalStreamTests {
    @Test("reads DEVICE:INODE in decimal and nothing else")
    func parsing() {
        #expect(JournalStream(environmentValue: "8:12345") == JournalStream(device: 8, inode: 12345))
        for bad in ["", "8", "8:", ":1", "8:1:2", "a:b", "-1:2"] {
            #expect(JournalStream(environmentValue: bad) == nil, "\(bad)")
        }
    }

    @Test("standard error is the journal only when the variable names its device and inode")
    func matchesStandardError() throws {
        let stderrStream = try #require(JournalStream(fileDescriptor: STDERR_FILENO))
        #expect(JournalStream.isStandardError(journalStreamVariable: "\(stderrStream.device):\(stderrStream.inode)"))
        #expect(!JournalStream.isStandardError(journalStreamVariable: "\(stderrStream.device):\(stderrStream.inode + 1)"))
        #expect(!JournalStream.isStandardError(journalStreamVariable: nil))
        #expect(!JournalStream.isStandardError(journalStreamVariable: "garbage"))
    }
}
