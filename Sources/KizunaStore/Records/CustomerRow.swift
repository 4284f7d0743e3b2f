import GRDB
import KizunaCore

/// A row of `customers`.
struct CustomerRow: Codable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "customers"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

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
    /// JSON, keys sorted.
    var fields: [String: String]

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
        fields = customer.fields
    }

    /// The customer; a zone the system no longer knows reads as none (the team's zone applies).
    var customer: Customer {
        Customer(
            id: id, name: name, csm: csm, teamLead: teamLead, stage: stage,
            stageEntered: Instant(secondsSinceEpoch: stageEntered),
            customerSince: customerSince.map(Instant.init(secondsSinceEpoch:)),
            renewalDate: renewalDate.flatMap(CivilDate.init), zone: zone.flatMap(Zone.named), tier: tier, plan: plan,
            industry: industry, arr: arr, seats: seats, health: health, fields: fields)
    }
}

/// A row of `stage_history`.
struct StageHistoryRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "stage_history"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var customer: String
    var stage: String
    var enteredAt: Int64
    var cause: String
    var recordedAt: Int64
}
