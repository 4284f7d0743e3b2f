import Foundation
import KizunaCore
import KizunaStore

/// What `plan --diff` prints: each task a pass would create, move, update or cancel.
struct PlanDiffReport: Encodable {
    struct Line: Encodable {
        let change: String
        let id: String
        let customer: String
        let playbook: String
        let title: String
        let start: String
        /// The start before a move.
        let from: String?
        /// Why a task would be cancelled.
        let reason: String?
    }

    let created: Int
    let moved: Int
    let updated: Int
    let cancelled: Int
    let changes: [Line]
    private let zone: Zone

    enum CodingKeys: String, CodingKey {
        case created, moved, updated, cancelled, changes
    }

    init(_ preview: PlanPreview, zone: Zone) {
        func line(_ change: String, _ task: PlannedTask, from: Instant? = nil) -> Line {
            Line(
                change: change, id: task.id.hex, customer: task.customer, playbook: task.playbook, title: task.title,
                start: zone.iso8601(task.start), from: from.map(zone.iso8601), reason: nil)
        }
        created = preview.created.count
        moved = preview.moved.count
        updated = preview.updated.count
        cancelled = preview.cancelled.count
        changes =
            preview.created.map { line("create", $0) } + preview.moved.map { line("move", $0.task, from: $0.oldStart) }
            + preview.updated.map { line("update", $0) }
            + preview.cancelled.map { cancellation in
                let task = cancellation.task
                return Line(
                    change: "cancel", id: task.id.hex, customer: task.customer, playbook: task.playbook, title: task.title,
                    start: zone.iso8601(task.start), from: nil, reason: cancellation.reason)
            }
        self.zone = zone
    }

    func print(style: Style, heading: String) {
        Swift.print(style.bold(heading))
        for change in changes {
            let start = Instant(iso8601: change.start, defaultZone: zone).map { TimeFormat.dayAndTime($0, in: zone) } ?? change.start
            let from = change.from.flatMap { Instant(iso8601: $0, defaultZone: zone) }.map { TimeFormat.dayAndTime($0, in: zone) + " → " } ?? ""
            let verb = change.change.padding(toLength: 6, withPad: " ", startingAt: 0)
            Swift.print(
                "  \(verb)  \(style.cyan(String(change.id.prefix(7))))  \(from)\(start)  \(change.customer)  \(change.title)"
                    + (change.reason.map { style.dim(" (\($0))") } ?? ""))
        }
        Swift.print("\(created) to create, \(moved) to move, \(updated) to update, \(cancelled) to cancel")
    }
}
