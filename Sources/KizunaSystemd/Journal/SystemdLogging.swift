import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// Chooses where a program's logs go: the journal, with fields, when its standard error is
/// connected to journald; plain lines on standard error otherwise.
public enum SystemdLogging {
    /// A handler factory for `LoggingSystem.bootstrap`, for a program whose journal entries
    /// carry `SYSLOG_IDENTIFIER=identifier`.
    public static func handlerFactory(identifier: String) -> @Sendable (String) -> any LogHandler {
        let toJournal = JournalStream.isStandardError(journalStreamVariable: getenv("JOURNAL_STREAM").map { String(cString: $0) })
        return { label in
            toJournal ? JournalLogHandler(identifier: identifier) : StreamLogHandler.standardError(label: label)
        }
    }
}
