/// The values a playbook's `{{ … }}` placeholders stand for, for one task.
struct TemplateValues {
    var customer: Customer
    var playbook: Playbook
    var occurrence: CivilDate
    var due: Instant
    var zone: Zone

    /// The value of a dotted variable path, `nil` when the customer has no such value.
    func value(for path: String) -> String? {
        // Every title and owner of every planned task is rendered: the paths playbooks write
        // are compared whole (a few bytes each) before any is split into parts.
        switch path {
        case "customer.name": customer.name
        case "customer.csm": customer.csm
        case "customer.id": customer.id
        case "customer.team_lead": customer.teamLead
        case "customer.stage": customer.stage
        case "customer.tier": customer.tier
        case "customer.plan": customer.plan
        case "playbook.id": playbook.id
        case "playbook.title": playbook.title
        case "occurrence.date": occurrence.description
        case "task.due": zone.iso8601(due)
        default: value(forParts: Self.components(of: path))
        }
    }

    /// The value of a path split into its parts.
    private func value(forParts parts: [Substring]) -> String? {
        switch parts.first {
        case "customer": return parts.count == 3 && parts[1] == "fields" ? customer.fields[String(parts[2])] : customerValue(parts.dropFirst().first ?? "")
        case "playbook": return parts.count == 2 ? (parts[1] == "id" ? playbook.id : parts[1] == "title" ? playbook.title : nil) : nil
        case "occurrence": return parts.count == 2 && parts[1] == "date" ? occurrence.description : nil
        case "task": return parts.count == 2 && parts[1] == "due" ? zone.iso8601(due) : nil
        default: return nil
        }
    }

    /// The path's parts, as `split(separator: ".", maxSplits: 2)` gives them. Every title and
    /// owner of every planned task is rendered, so an ASCII path (as playbooks write them) is
    /// split on its bytes, where a dot is always a part of its own, without breaking it into
    /// characters.
    static func components(of path: String) -> [Substring] {
        guard path.utf8.allSatisfy({ $0 < 0x80 }) else { return path.split(separator: ".", maxSplits: 2) }
        // At most three parts: sliced at the dots' offsets, with no array of UTF-8 slices between.
        var parts: [Substring] = []
        parts.reserveCapacity(3)
        var start = path.utf8.startIndex
        while parts.count < 2, let dot = path.utf8[start...].firstIndex(of: UInt8(ascii: ".")) {
            if dot > start { parts.append(path[start..<dot]) }
            start = path.utf8.index(after: dot)
        }
        if start < path.endIndex { parts.append(path[start...]) }
        return parts
    }

    private func customerValue(_ field: Substring) -> String? {
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
