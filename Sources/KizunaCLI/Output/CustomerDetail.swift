import KizunaCore
import KizunaStore

/// What `show` prints of a customer: its fields and its timeline.
struct CustomerDetail: Encodable {
    struct Entry: Encodable {
        let at: String
        let kind: String
        let task: String?
        let title: String?
        let actor: String?
        let note: String?
    }

    let id: String
    let name: String
    let csm: String
    let teamLead: String?
    let stage: String
    let stageEntered: String
    let health: Double?
    let arr: Double?
    let renewalDate: String?
    let timeline: [Entry]
    private let zone: Zone

    enum CodingKeys: String, CodingKey {
        case id, name, csm, teamLead = "team_lead", stage, stageEntered = "stage_entered", health, arr,
            renewalDate = "renewal_date", timeline
    }

    init(_ customer: Customer, timeline: [TimelineEntry], zone: Zone) {
        id = customer.id
        name = customer.name
        csm = customer.csm
        teamLead = customer.teamLead
        stage = customer.stage
        stageEntered = zone.iso8601(customer.stageEntered)
        health = customer.health
        arr = customer.arr
        renewalDate = customer.renewalDate?.description
        self.timeline = timeline.map { entry in
            switch entry.kind {
            case .stageChanged(let stage, let cause):
                Entry(at: zone.iso8601(entry.at), kind: "stage", task: nil, title: nil, actor: nil, note: "\(stage) (\(cause))")
            case .task(let event, let title):
                Entry(
                    at: zone.iso8601(entry.at), kind: event.kind.rawValue, task: event.task.hex, title: title, actor: event.actor,
                    note: event.note)
            }
        }
        self.zone = zone
    }

    func print(style: Style) {
        Swift.print(style.bold("\(name) (\(id))") + "  " + style.yellow(stage))
        Swift.print("  csm       \(csm)" + (teamLead.map { ", team lead \($0)" } ?? ""))
        Swift.print("  stage     \(stage) since \(time(stageEntered))")
        let facts = [health.map { "health \(Self.number($0))" }, arr.map { "ARR \(Self.number($0))" }, renewalDate.map { "renews \($0)" }]
        if !facts.compactMap({ $0 }).isEmpty { Swift.print("  " + facts.compactMap { $0 }.joined(separator: ", ")) }
        Swift.print(style.bold("Timeline"))
        if timeline.isEmpty { Swift.print("  nothing yet") }
        for entry in timeline {
            let what =
                if let task = entry.task {
                    "\(style.cyan(String(task.prefix(7)))) \(entry.kind) by \(entry.actor ?? "?"): \(entry.title ?? "")"
                        + (entry.note.map { " — \($0)" } ?? "")
                } else {
                    "entered stage \(entry.note ?? "")"
                }
            Swift.print("  \(time(entry.at))  \(what)")
        }
    }

    private func time(_ iso: String) -> String {
        Instant(iso8601: iso, defaultZone: zone).map { TimeFormat.dayAndTime($0, in: zone) } ?? iso
    }

    /// `32520`, `22.5`.
    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
