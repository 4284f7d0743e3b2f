extension Instant {
    /// The environment variable that pins the current instant, for reproducible reports and tests.
    public static let pinnedNowVariable = "KIZUNA_NOW"

    /// The instant `KIZUNA_NOW` names (an ISO 8601 instant, or a wall time in `zone`), `nil`
    /// when it is unset or empty.
    ///
    /// - Throws: a diagnostic naming the variable when its value is not a date-time.
    public static func pinned(environment: [String: String], zone: Zone) throws(Diagnostic) -> Instant? {
        guard let text = environment[pinnedNowVariable], !text.isEmpty else { return nil }
        guard let instant = Instant(iso8601: text, defaultZone: zone) else {
            throw Diagnostic("\(pinnedNowVariable): expected an ISO 8601 date-time such as 2026-11-23T09:00:00-05:00, found `\(text)`")
        }
        return instant
    }
}
