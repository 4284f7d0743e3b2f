import Logging
import Synchronization

/// A log handler that keeps every entry in memory, for tests to read.
struct RecordingLogHandler: LogHandler {
    struct Entry: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: Logger.Metadata
    }

    final class Entries: Sendable {
        let storage = Mutex<[Entry]>([])
        var all: [Entry] { storage.withLock { $0 } }
    }

    let entries: Entries
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let entry = Entry(level: event.level, message: "\(event.message)", metadata: metadata.merging(event.metadata ?? [:]) { $1 })
        entries.storage.withLock { $0.append(entry) }
    }
}
