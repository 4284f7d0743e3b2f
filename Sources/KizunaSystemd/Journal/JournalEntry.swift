import Logging

/// The fields of one journal entry made from a swift-log event (see `systemd.journal-fields(7)`).
///
/// `MESSAGE`, `PRIORITY` and `SYSLOG_IDENTIFIER`, then each metadata key as a field of its own
/// prefixed `KIZUNA_` (`customer` becomes `KIZUNA_CUSTOMER`), so that
/// `journalctl KIZUNA_CUSTOMER=acme` finds what happened to a customer. The source location
/// (`CODE_FILE`, `CODE_LINE`, `CODE_FUNC`) is passed to libsystemd apart, as it expects.
public struct JournalEntry: Equatable, Sendable {
    /// `FIELD=value` strings, in order.
    public var fields: [String]

    public init(level: Logger.Level, message: String, metadata: Logger.Metadata, identifier: String) {
        fields = [
            "MESSAGE=" + message,
            "PRIORITY=\(Self.priority(of: level))",
            "SYSLOG_IDENTIFIER=" + identifier,
        ]
        for (key, value) in metadata.sorted(by: { $0.key < $1.key }) {
            fields.append(Self.fieldName(forMetadataKey: key) + "=" + value.description)
        }
    }

    /// The syslog priority journald files a level under (0 emergency … 7 debug).
    public static func priority(of level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    /// `KIZUNA_` and the key upper-cased, with every character a journal field name cannot
    /// hold (anything but `A`–`Z`, `0`–`9`, `_`) turned into `_`; cut to journald's 64 characters.
    public static func fieldName(forMetadataKey key: String) -> String {
        let name = key.uppercased().unicodeScalars.map { scalar -> Character in
            switch scalar {
            case "A"..."Z", "0"..."9", "_": Character(scalar)
            default: "_"
            }
        }
        return String(("KIZUNA_" + String(name)).prefix(64))
    }
}
