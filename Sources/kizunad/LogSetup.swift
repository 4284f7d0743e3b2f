import KizunaSystemd
import Logging

/// Where `kizunad`'s log goes: structured entries in the journal when its standard error is
/// the journal (under systemd), plain lines on standard error otherwise.
enum LogSetup {
    static func bootstrap() {
        let makeHandler = SystemdLogging.handlerFactory(identifier: "kizunad")
        LoggingSystem.bootstrap { label in
            var handler = makeHandler(label)
            handler.logLevel = .info
            return handler
        }
    }
}
