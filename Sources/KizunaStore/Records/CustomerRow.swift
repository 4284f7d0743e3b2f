import GRDB
import KizunaCore

/// A row of `customers`.
struct CustomerRow: Equatable, BoundRecord {
    static let sql = RecordSQL(
        table: "customers",
        columns: [
            "id", "name", "csm", "team_lead", "stage", "stage_entered", "customer_since", "renewal_date", "zone", "tier", "plan",
            "industry", "arr", "seats", "health", "fields",
        ])

    var id: String
    var name: String
    var csm: String
    var teamLead: String?
    var stage: String
    var stageEntered: Int64
    var customerSince: Int64?
    /// `2027-03-31`
    var renewalDate: String?
    /// An IANA zone identifier.
    var zone: String?
    var tier: String?
    var plan: String?
    var industry: String?
    var arr: Double?
    var seats: Int?
    var health: Double?
    /// `Customer.fields` as JSON, keys sorted, so rows compare without decoding it.
    var fieldsJSON: String

    init(_ customer: Customer) {
        id = customer.id
        name = customer.name
        csm = customer.csm
        teamLead = customer.teamLead
        stage = customer.stage
        stageEntered = customer.stageEntered.secondsSinceEpoch
        customerSince = customer.customerSince?.secondsSinceEpoch
        renewalDate = customer.renewalDate?.description
        zone = customer.zone?.identifier
        tier = customer.tier
        plan = customer.plan
        industry = customer.industry
        arr = customer.arr
        seats = customer.seats
        health = customer.health
        fieldsJSON = customer.fields.isEmpty ? "{}" : JSONColumn.encode(customer.fields)
    }

    /// A row of `sql.select` (or `find`), read by position: a pass reads every customer, and
    /// looking each column up by name cost more than decoding it.
    init(row: Row) {
        id = row[0]
        name = row[1]
        csm = row[2]
        teamLead = row[3]
        stage = row[4]
        stageEntered = row[5]
        customerSince = row[6]
        renewalDate = row[7]
        zone = row[8]
        tier = row[9]
        plan = row[10]
        industry = row[11]
        arr = row[12]
        seats = row[13]
        health = row[14]
        fieldsJSON = row[15]
    }

    var values: [(any DatabaseValueConvertible)?] {
        [
            id, name, csm, teamLead, stage, stageEntered, customerSince, renewalDate, zone, tier, plan, industry, arr, seats,
            health, fieldsJSON,
        ]
    }

    func bind(to row: BoundInsert.Binder) throws {
        try row.bind(texts: id, name, csm, teamLead, stage, at: 1)
        try row.bind(stageEntered, at: 6)
        try row.bind(customerSince, at: 7)
        try row.bind(texts: renewalDate, zone, tier, plan, industry, at: 8)
        try row.bind(arr, at: 13)
        try row.bind(seats.map(Int64.init), at: 14)
        try row.bind(health, at: 15)
        try row.bind(fieldsJSON, at: 16)
    }

    /// The customer; a zone the system no longer knows reads as none (the team's zone applies).
    var customer: Customer {
        Customer(
            id: id, name: name, csm: csm, teamLead: teamLead, stage: stage,
            stageEntered: Instant(secondsSinceEpoch: stageEntered),
            customerSince: customerSince.map(Instant.init(secondsSinceEpoch:)),
            renewalDate: renewalDate.flatMap(CivilDate.init), zone: zone.flatMap(Zone.named), tier: tier, plan: plan,
            industry: industry, arr: arr, seats: seats, health: health,
            fields: fieldsJSON == "{}" ? [:] : JSONColumn.decode(fieldsJSON, as: [String: String].self, fallback: [:]))
    }
}

/// A row of `stage_history`.
struct StageHistoryRow: BoundRecord {
    static let sql = RecordSQL(
        table: "stage_history",
        columns: ["customer", "stage", "entered_at", "cause", "recorded_at"])

    var customer: String
    var stage: String
    var enteredAt: Int64
    var cause: String
    var recordedAt: Int64

    init(customer: String, stage: String, enteredAt: Int64, cause: String, recordedAt: Int64) {
        self.customer = customer
        self.stage = stage
        self.enteredAt = enteredAt
        self.cause = cause
        self.recordedAt = recordedAt
    }

    init(row: Row) {
        customer = row["customer"]
        stage = row["stage"]
        enteredAt = row["entered_at"]
        cause = row["cause"]
        recordedAt = row["recorded_at"]
    }

    var values: [(any DatabaseValueConvertible)?] { [customer, stage, enteredAt, cause, recordedAt] }

    func bind(to row: BoundInsert.Binder) throws {
        try row.bind(customer, at: 1)
        try row.bind(stage, at: 2)
        try row.bind(enteredAt, at: 3)
        try row.bind(cause, at: 4)
        try row.bind(recordedAt, at: 5)
    }
}
