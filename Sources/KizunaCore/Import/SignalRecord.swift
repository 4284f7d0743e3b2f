import Foundation

/// Turns one row of signal data (`customer`, `metric`, `value`, `date`) into a `Signal`,
/// reporting every bad field of the row with its place.
public struct SignalRecord: Sendable {
    /// The zone for dates given without an offset.
    public var teamZone: Zone

    public init(teamZone: Zone) {
        self.teamZone = teamZone
    }

    /// The field names a signal row has.
    public static let fields = ["customer", "metric", "value", "date"]

    public func signal(from row: ImportRow) throws(DiagnosticList) -> Signal {
        var problems: [Diagnostic] = []
        func text(_ field: String) -> String? {
            guard let value = row.fields[field]?.trimmingWhitespace(), !value.isEmpty else {
                problems.append(Diagnostic("field `\(field)`: is required", at: row.location(field)))
                return nil
            }
            return value
        }
        let customer = text("customer")
        let metric = text("metric")
        var value: Double?
        if let raw = text("value") {
            value = Double(raw).flatMap { $0.isFinite ? $0 : nil }
            if value == nil { problems.append(Diagnostic("field `value`: expected a number, found `\(raw)`", at: row.location("value"))) }
        }
        var instant: Instant?
        let date = text("date")
        if let raw = date {
            instant = Instant(iso8601: raw, defaultZone: teamZone)
            if instant == nil {
                problems.append(
                    Diagnostic(
                        "field `date`: expected an ISO 8601 date or date-time such as 2026-11-02 or 2026-11-02T10:00:00-05:00, found `\(raw)`",
                        at: row.location("date")))
            }
        }
        guard problems.isEmpty, let customer, let metric, let value, let instant else { throw DiagnosticList(problems) }
        return Signal(customer: customer, metric: metric, value: value, instant: instant, day: date.flatMap(CivilDate.init))
    }

    /// The signals of a CSV or JSON-lines file; a repeated (customer, metric, instant) is an error.
    public func read(file: String, reader: ImportReader, progress: (_ done: Int, _ total: Int) -> Void = { _, _ in })
        throws(DiagnosticList) -> ImportResult<Signal>
    {
        try ImportResult.reading(
            file: file, reader: reader, key: { "\($0.customer)\u{0}\($0.metric)\u{0}\($0.instant.secondsSinceEpoch)" },
            record: signal(from:), progress: progress)
    }
}
