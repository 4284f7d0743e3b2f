/// A customer's fields as conditions see them (segment filters, and triggers once signals
/// are stored), for one day.
public struct CustomerFacts: ConditionEnvironment {
    public var customer: Customer
    public var today: CivilDate
    /// The zone dates such as `stage_entered` are read in.
    public var zone: Zone
    /// Dated observations by metric; empty when no signals are known.
    public var signals: [String: [SignalPoint]]
    /// The playbooks whose checklist the customer has complete (`checklist_complete`).
    public var completeChecklists: Set<String>

    public init(
        customer: Customer, today: CivilDate, zone: Zone, signals: [String: [SignalPoint]] = [:], completeChecklists: Set<String> = []
    ) {
        self.customer = customer
        self.today = today
        self.zone = zone
        self.signals = signals
        self.completeChecklists = completeChecklists
    }

    public func field(_ name: String) -> ConditionValue? {
        if name.hasPrefix(ConditionFields.customPrefix) {
            return customer.fields[String(name.dropFirst(ConditionFields.customPrefix.count))].map(ConditionValue.text)
        }
        switch name {
        case "health": return customer.health.map(ConditionValue.number)
        case "arr": return customer.arr.map(ConditionValue.number)
        case "mrr": return customer.mrr.map(ConditionValue.number)
        case "seats": return customer.seats.map { .number(Double($0)) }
        case "id": return .text(customer.id)
        case "name": return .text(customer.name)
        case "csm": return .text(customer.csm)
        case "team_lead": return customer.teamLead.map(ConditionValue.text)
        case "stage": return .text(customer.stage)
        case "tier": return customer.tier.map(ConditionValue.text)
        case "plan": return customer.plan.map(ConditionValue.text)
        case "industry": return customer.industry.map(ConditionValue.text)
        case "timezone": return .text((customer.zone ?? zone).identifier)
        case "renewal_date": return customer.renewalDate.map(ConditionValue.date)
        case "stage_entered": return .date(zone.localDateTime(at: customer.stageEntered).date)
        case "customer_since": return customer.customerSince.map { .date(zone.localDateTime(at: $0).date) }
        default: return nil
        }
    }

    public func series(_ metric: String) -> [SignalPoint] { signals[metric] ?? [] }

    public func checklistComplete(_ playbook: String) -> Bool { completeChecklists.contains(playbook) }
}
