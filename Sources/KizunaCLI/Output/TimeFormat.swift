import Foundation
import KizunaCore

/// Short, readable renderings of instants for terminals.
enum TimeFormat {
    /// `Tue 2026-11-24 10:00`, in `zone`.
    static func dayAndTime(_ instant: Instant, in zone: Zone) -> String {
        let local = zone.localDateTime(at: instant)
        return "\(local.date.weekday.name.prefix(3).capitalized) \(local.date) \(local.time)"
    }

    /// `Nov 26`.
    static func monthAndDay(_ date: CivilDate) -> String {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(months[date.month - 1]) \(date.day)"
    }

    /// `Tue 2026-11-24 10:00 -05:00`, with the UTC offset in force.
    static func dayTimeAndOffset(_ instant: Instant, in zone: Zone) -> String {
        dayAndTime(instant, in: zone) + " " + zone.iso8601(instant).suffix(6)
    }
}

extension ReminderRule.Timing {
    /// How a playbook says it: "1 hour before", "when due", "overdue by 1 business day".
    var phrase: String {
        switch self {
        case .beforeStart(let span): "\(span) before"
        case .atStart: "at start"
        case .atDue: "when due"
        case .overdue(let span): "overdue by \(span)"
        }
    }
}
