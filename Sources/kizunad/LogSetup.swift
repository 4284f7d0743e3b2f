import Logging

/// Where `kizunad`'s log goes: plain lines on standard error. The one place to swap in
/// another handler (the journal's).
enum LogSetup {
    static func bootstrap() {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .info
            return handler
        }
    }
}
