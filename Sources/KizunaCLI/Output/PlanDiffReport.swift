import Foundation
import KizunaCore
import KizunaStore

/// What `plan --diff` prints: the stage changes and trigger firings the evaluation would
/// record, and each task a pass would create, move, update or cancel.
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

    /// A customer's move to another stage.
    struct StageLine: Encodable {
        let customer: String
        let from: String
        let to: String
        let at: String
        let cause: String
    }

    /// A `when:` play's condition that would fire for a customer.
    struct FiringLine: Encodable {
        let playbook: String
        let customer: String
        let day: String
    }

    let created: Int
    let moved: Int
    let updated: Int
    let cancelled: Int
    let changes: [Line]
    let stageChanges: [StageLine]
    let firings: [FiringLine]
    private let zone: Zone

    enum CodingKeys: String, CodingKey {
        case created, moved, updated, cancelled, changes
        case stageChanges = "stage_changes"
        case firings
    }

    /// - Parameter stages: each customer's stage as stored, the start of its stage changes.
    init(_ preview: PlanPreview, evaluation: CustomerEvaluation.Summary, stages: [String: String], zone: Zone) {
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
        var current = stages
        stageChanges = evaluation.stageChanges.map { change in
            defer { current[change.customer] = change.stage }
            return StageLine(
                customer: change.customer, from: current[change.customer] ?? "", to: change.stage, at: zone.iso8601(change.at),
                cause: change.cause)
        }
        firings = evaluation.firings.map { FiringLine(playbook: $0.playbook, customer: $0.customer, day: $0.firedOn.description) }
        self.zone = zone
    }

    func print(style: Style, heading: String) {
        Swift.print(style.bold(heading))
        for change in stageChanges {
            let at = Instant(iso8601: change.at, defaultZone: zone).map { TimeFormat.dayAndTime($0, in: zone) } ?? change.at
            Swift.print("  stage   \(at)  \(change.customer)  \(change.from) → \(change.to)" + style.dim(" (\(change.cause))"))
        }
        for firing in firings {
            Swift.print("  fire    \(firing.day)  \(firing.customer)  \(firing.playbook)")
        }
        for change in changes {
            let start = Instant(iso8601: change.start, defaultZone: zone).map { TimeFormat.dayAndTime($0, in: zone) } ?? change.start
            let from = change.from.flatMap { Instant(iso8601: $0, defaultZone: zone) }.map { TimeFormat.dayAndTime($0, in: zone) + " → " } ?? ""
            let verb = change.change.padding(toLength: 6, withPad: " ", startingAt: 0)
            Swift.print(
                "  \(verb)  \(style.cyan(String(change.id.prefix(7))))  \(from)\(start)  \(change.customer)  \(change.title)"
                    + (change.reason.map { style.dim(" (\($0))") } ?? ""))
        }
        if !stageChanges.isEmpty || !firings.isEmpty {
            Swift.print("\(stageChanges.count) stage \(stageChanges.count == 1 ? "change" : "changes"), \(firings.count) to fire")
        }
        Swift.print("\(created) to create, \(moved) to move, \(updated) to update, \(cancelled) to cancel")
    }
}
