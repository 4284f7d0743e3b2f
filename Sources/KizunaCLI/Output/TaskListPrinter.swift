import Foundation
import KizunaCore
import KizunaStore

/// Prints owner groups of tasks for a person at a terminal: one line a task, aligned.
struct TaskListPrinter {
    let style: Style
    /// The zone the reader thinks in (the team's); times are shown in it.
    let zone: Zone
    let now: Instant

    func print(_ groups: [OwnerGroup], heading: String) {
        Swift.print(style.bold(heading))
        guard !groups.isEmpty else {
            Swift.print("Nothing due. ✓")
            return
        }
        for group in groups {
            Swift.print("")
            Swift.print(style.bold(group.owner) + style.dim(" · \(group.tasks.count) task\(group.tasks.count == 1 ? "" : "s")"))
            for task in group.tasks {
                Swift.print("  " + line(for: task))
            }
        }
    }

    private func line(for task: TaskReport) -> String {
        let priority = task.priority.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
        let coloured =
            switch task.priority {
            case .critical, .high: style.yellow(priority)
            default: priority
            }
        return "\(style.cyan(task.shortID))  \(coloured) \(when(task))  \(task.title)"
    }

    /// "overdue 3d", "due 10:00", "due Nov 26"; padded so titles align.
    private func when(_ task: TaskReport) -> String {
        let text: String
        if task.overdue {
            let days = max(1, Int((now.secondsSinceEpoch - task.dueInstant.secondsSinceEpoch) / 86_400))
            let label = "overdue \(days)d".padding(toLength: 13, withPad: " ", startingAt: 0)
            return style.red(label)
        }
        let due = zone.localDateTime(at: task.dueInstant)
        let today = zone.localDateTime(at: now).date
        if due.date == today {
            text = "due \(due.time)"
        } else {
            text = "due \(TimeFormat.monthAndDay(due.date))"
        }
        return text.padding(toLength: 13, withPad: " ", startingAt: 0)
    }
}
