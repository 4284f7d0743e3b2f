import CSystemd
import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// A swift-log handler that writes structured entries to the systemd journal through
/// `sd_journal_sendv_with_location(3)` (see ``JournalEntry`` for the fields).
///
/// swift-log has no journal handler and the journal's native protocol is what carries
/// fields, so this is written here over libsystemd. An entry the journal refuses (journald
/// gone) is written to standard error instead, with `journal_errno`, so nothing is lost silently.
public struct JournalLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    /// `SYSLOG_IDENTIFIER`: what `journalctl -t` selects (`kizunad`).
    public let identifier: String

    public init(identifier: String, metadataProvider: Logger.MetadataProvider? = nil) {
        self.identifier = identifier
        self.metadataProvider = metadataProvider
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let attached = event.metadata { merged.merge(attached) { _, new in new } }
        let entry = JournalEntry(level: event.level, message: event.message.description, metadata: merged, identifier: identifier)
        let result = Self.send(entry, file: event.file, line: event.line, function: event.function)
        if result < 0 {
            var fallback = StreamLogHandler.standardError(label: identifier)
            fallback.metadata = merged
            fallback.metadata["journal_errno"] = "\(-result)"
            fallback.log(event: event)
        }
    }

    /// Hands the entry to journald; returns `sd_journal_sendv_with_location`'s result.
    static func send(_ entry: JournalEntry, file: String, line: UInt, function: String) -> Int32 {
        let strings = entry.fields.map { strdup($0) }
        defer { strings.forEach { free($0) } }
        let vectors = strings.map { iovec(iov_base: UnsafeMutableRawPointer($0), iov_len: strlen($0!)) }
        return vectors.withUnsafeBufferPointer { buffer in
            sd_journal_sendv_with_location("CODE_FILE=" + file, "CODE_LINE=\(line)", function, buffer.baseAddress, Int32(buffer.count))
        }
    }
}
