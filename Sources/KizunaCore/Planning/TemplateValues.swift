/// The values a playbook's `{{ … }}` placeholders stand for, for one task.
struct TemplateValues {
    var customer: Customer
    var playbook: Playbook
    var occurrence: CivilDate
    var due: Instant
    var zone: Zone

    /// The value of a dotted variable path, `nil` when the customer has no such value.
    func value(for path: String) -> String? {
        let parts = path.split(separator: ".", maxSplits: 2).map(String.init)
        switch parts.first {
        case "customer": return parts.count == 3 && parts[1] == "fields" ? customer.fields[parts[2]] : customerValue(parts.dropFirst().first ?? "")
        case "playbook": return parts.count == 2 ? (parts[1] == "id" ? playbook.id : parts[1] == "title" ? playbook.title : nil) : nil
        case "occurrence": return parts.count == 2 && parts[1] == "date" ? occurrence.description : nil
        case "task": return parts.count == 2 && parts[1] == "due" ? zone.iso8601(due) : nil
        default: return nil
        }
    }

    private func customerValue(_ field: String) -> String? {
        switch field {
        case "id": customer.id
        case "name": customer.name
        case "csm": customer.csm
        case "team_lead": customer.teamLead
        case "stage": customer.stage
        case "tier": customer.tier
        case "plan": customer.plan
        case "industry": customer.industry
        case "arr": customer.arr.map { String(Int($0)) }
        case "mrr": customer.mrr.map { String(Int($0)) }
        case "seats": customer.seats.map(String.init)
        case "renewal_date": customer.renewalDate?.description
        case "timezone": (customer.zone ?? zone).identifier
        case "health": customer.health.map { String(Int($0.rounded())) }
        default: nil
        }
    }
}
