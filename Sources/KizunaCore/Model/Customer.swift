/// A customer as Kizuna knows it: who owns it, where it is in its lifecycle, what it is worth.
public struct Customer: Hashable, Sendable, Identifiable {
    /// The stable id from the CRM (`acme`).
    public var id: String
    public var name: String
    /// The customer success manager who owns the account.
    public var csm: String
    public var teamLead: String?
    /// The lifecycle stage (`onboarding`, `adoption`, `mature`, `churned`, or a declared one).
    public var stage: String
    /// The instant the customer entered its current stage.
    public var stageEntered: Instant
    /// The instant the customer became a customer.
    public var customerSince: Instant?
    public var renewalDate: CivilDate?
    /// The customer's own time zone, when its plays run on its clock.
    public var zone: Zone?
    public var tier: String?
    public var plan: String?
    public var industry: String?
    /// Annual recurring revenue, in the team's currency.
    public var arr: Double?
    public var seats: Int?
    /// The latest health score, 0–100, when one is known.
    public var health: Double?
    /// Any other field a CRM export carries.
    public var fields: [String: String]

    public init(
        id: String, name: String, csm: String, teamLead: String? = nil, stage: String, stageEntered: Instant,
        customerSince: Instant? = nil, renewalDate: CivilDate? = nil, zone: Zone? = nil, tier: String? = nil,
        plan: String? = nil, industry: String? = nil, arr: Double? = nil, seats: Int? = nil, health: Double? = nil,
        fields: [String: String] = [:]
    ) {
        self.id = id
        self.name = name
        self.csm = csm
        self.teamLead = teamLead
        self.stage = stage
        self.stageEntered = stageEntered
        self.customerSince = customerSince
        self.renewalDate = renewalDate
        self.zone = zone
        self.tier = tier
        self.plan = plan
        self.industry = industry
        self.arr = arr
        self.seats = seats
        self.health = health
        self.fields = fields
    }

    /// Monthly recurring revenue, derived from ARR.
    public var mrr: Double? { arr.map { $0 / 12 } }
}
