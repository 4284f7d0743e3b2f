import Foundation
import Testing

/// The journal handler in a process of its own, writing to a real journald that the test
/// runs, read back with `journalctl -o json`.
@Suite(
    "Structured logs in a real journal", .serialized, .timeLimit(.minutes(5)),
    .enabled(if: PrivateJournal.unavailableReason == nil, "skipped: \(PrivateJournal.unavailableReason ?? "")"))
struct JournalLogHandlerTests {
    /// Runs the probe with its standard error on a journal stream, announced in
    /// `JOURNAL_STREAM` as systemd announces it to a service (`StandardError=journal`).
    static let underJournal = """
        systemd-cat -t kizuna-systemd-probe /bin/bash -c \
        'JOURNAL_STREAM=$(stat -L -c %d:%i /proc/self/fd/2) exec "$0" log' '\(Probe.executable)'
        """

    @Test("entries carry message, priority, source location and metadata as KIZUNA_ fields")
    func structuredEntries() throws {
        let entries = try PrivateJournal.entries(identifier: "kizuna-systemd-probe", whileRunning: Self.underJournal)
        #expect(entries.count == 2)
        let due = try #require(entries.first { $0["MESSAGE"] as? String == "Task due" })
        #expect(due["PRIORITY"] as? String == "6")
        #expect(due["KIZUNA_CUSTOMER"] as? String == "acme-corp")
        #expect(due["KIZUNA_TASK"] as? String == "f8616db")
        #expect(due["KIZUNA_PLAYBOOK"] as? String == "onboarding-weekly")
        #expect(due["CODE_FILE"] as? String == "kizuna_systemd_probe/main.swift", "swift-log passes #fileID: module/file")
        #expect(Int(due["CODE_LINE"] as? String ?? "") ?? 0 > 0)
        #expect(due["CODE_FUNC"] as? String != nil)
        #expect(due["_TRANSPORT"] as? String == "journal")
        let failed = try #require(entries.first { $0["KIZUNA_CUSTOMER"] as? String == "globex" })
        #expect(failed["PRIORITY"] as? String == "3")
        #expect(failed["KIZUNA_CHANNEL_NAME"] as? String == "mail")
    }

    @Test("a message over several lines stays one entry")
    func multilineMessage() throws {
        let entries = try PrivateJournal.entries(identifier: "kizuna-systemd-probe", whileRunning: Self.underJournal)
        let failed = try #require(entries.first { $0["KIZUNA_CUSTOMER"] as? String == "globex" })
        let message = failed["MESSAGE"] as? String ?? (failed["MESSAGE"] as? [UInt8]).map { String(decoding: $0, as: UTF8.self) }
        #expect(message == "Reminder failed\nsecond line")
    }

    @Test("without JOURNAL_STREAM the same logs are plain lines on standard error")
    func plainLinesOtherwise() throws {
        let entries = try PrivateJournal.entries(
            identifier: "kizuna-systemd-probe", whileRunning: "systemd-cat -t kizuna-systemd-probe '\(Probe.executable)' log")
        let messages = entries.compactMap { $0["MESSAGE"] as? String }
        #expect(entries.allSatisfy { $0["_TRANSPORT"] as? String == "stdout" && $0["KIZUNA_CUSTOMER"] == nil })
        #expect(messages.contains { $0.hasSuffix("Task due") && $0.contains("info probe: customer=acme-corp") })
    }
}
