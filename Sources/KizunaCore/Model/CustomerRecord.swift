import Foundation

/// Turns one row of customer data (a CSV row or a JSON line, as field name → text)
/// into a `Customer`, reporting every bad field of the row with its place.
public struct CustomerRecord: Sendable {
    /// The lifecycle stages a row may name.
    public var stages: Set<String>
    /// The zone for dates given without an offset and customers without their own.
    public var teamZone: Zone

    public init(stages: Set<String> = CustomerRecord.defaultStages, teamZone: Zone) {
        self.stages = stages
        self.teamZone = teamZone
    }

    public static let defaultStages: Set<String> = ["onboarding", "adoption", "mature", "churned"]

    /// The field names Kizuna knows; any other column lands in `Customer.fields`.
    public static let knownFields: [String] = [
        "id", "name", "csm", "team_lead", "stage", "stage_entered", "customer_since", "renewal_date", "timezone",
        "tier", "plan", "industry", "arr", "seats", "health",
    ]

    /// The same names, to look them up.
    private static let knownFieldSet = Set(knownFields)

    /// Reads a row. `location(field)` tells where a field sits, for the diagnostics.
    public func customer(
        from row: ImportFields, location: (String) -> SourceLocation?
    ) throws(DiagnosticList) -> Customer {
        var problems: [Diagnostic] = []
        func fail(_ field: String, _ message: String, hint: String? = nil) {
            problems.append(Diagnostic("field `\(field)`: \(message)", at: location(field), hint: hint))
        }
        func text(_ field: String) -> String? {
            guard let value = row[field]?.trimmingWhitespace(), !value.isEmpty else { return nil }
            return value
        }
        func required(_ field: String) -> String {
            guard let value = text(field) else {
                fail(field, "is required")
                return ""
            }
            return value
        }

        let id = required("id")
        let name = required("name")
        let csm = required("csm")
        let stage = required("stage")
        if !stage.isEmpty, !stages.contains(stage) {
            let hint = closestMatch(to: stage, among: stages.sorted()).map { "did you mean `\($0)`?" }
            fail("stage", "unknown stage `\(stage)`, expected one of \(stages.sorted().joined(separator: ", "))", hint: hint)
        }
        var zone: Zone?
        if let zoneName = text("timezone") {
            zone = Zone.named(zoneName)
            if zone == nil { fail("timezone", "unknown time zone `\(zoneName)`, expected an IANA name such as Europe/London") }
        }
        func instant(_ field: String) -> Instant? {
            guard let value = text(field) else { return nil }
            guard let instant = Instant(iso8601: value, defaultZone: zone ?? teamZone) else {
                fail(field, "expected an ISO 8601 date or date-time such as 2026-11-02 or 2026-11-02T10:00:00-05:00, found `\(value)`")
                return nil
            }
            return instant
        }
        func number(_ field: String) -> Double? {
            guard let value = text(field) else { return nil }
            guard let number = Double(value), number.isFinite, number >= 0 else {
                fail(field, "expected a number of at least 0, found `\(value)`")
                return nil
            }
            return number
        }
        let stageEntered = instant("stage_entered")
        if text("stage_entered") == nil { fail("stage_entered", "is required") }
        let customerSince = instant("customer_since")
        var renewalDate: CivilDate?
        if let value = text("renewal_date") {
            renewalDate = CivilDate(value)
            if renewalDate == nil { fail("renewal_date", "expected a date such as 2027-03-31, found `\(value)`") }
        }
        let arr = number("arr")
        let seats = number("seats")
        if let seats, seats != seats.rounded() { fail("seats", "expected a whole number, found `\(seats)`") }
        let health = number("health")
        if let health, health > 100 { fail("health", "expected a score from 0 to 100, found `\(health)`") }

        guard problems.isEmpty, let stageEntered else { throw DiagnosticList(problems) }
        var fields: [String: String] = [:]
        for (name, value) in row where !value.isEmpty && !Self.knownFieldSet.contains(name) { fields[name] = value }
        return Customer(
            id: id, name: name, csm: csm, teamLead: text("team_lead"), stage: stage, stageEntered: stageEntered,
            customerSince: customerSince, renewalDate: renewalDate, zone: zone, tier: text("tier"), plan: text("plan"),
            industry: text("industry"), arr: arr, seats: seats.map { Int($0) }, health: health,
            fields: fields)
    }
}
