import Foundation
import KizunaCore

/// `kizuna kpi` for people: one line per figure, the period's value beside the previous one.
struct KPITable {
    let report: KPIReport
    let zone: Zone
    let style: Style

    var text: String {
        let current = report.current
        let previous = report.previous
        let title = "KPIs, \(current.period) (\(current.period.firstDay) to \(current.period.endDay.adding(days: -1)), \(zone.identifier))"
        var lines = [style.bold(title), ""]
        lines.append(row("", current.period.description, previous.period.description))
        for (label, value) in Self.figures {
            lines.append(row(label, value(current.figures), value(previous.figures)))
        }
        lines.append("Overdue tasks by owner")
        let owners = Set(current.figures.overdueByOwner.keys).union(previous.figures.overdueByOwner.keys).sorted()
        if owners.isEmpty { lines.append(row("  (none)", "0", "0")) }
        for owner in owners {
            lines.append(row("  " + owner, "\(current.figures.overdueByOwner[owner] ?? 0)", "\(previous.figures.overdueByOwner[owner] ?? 0)"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Each line's label and how it reads its value from a period's figures.
    private static let figures: [(String, @Sendable (KPIFigures) -> String)] = [
        ("Customers at start", { "\($0.customers.atStart)" }),
        ("Customers at end", { "\($0.customers.atEnd)" }),
        ("Won / lost", { "\($0.customers.won) / \($0.customers.lost)" }),
        ("Customer churn", { rate($0.customerChurn) }),
        ("Revenue churn (ARR)", { rate($0.revenueChurn, amounts: true) }),
        ("Retention", { rate($0.retention) }),
        ("Onboarding completion", { rate($0.onboardingCompletion) }),
        ("Expansion (upsell)", { rate($0.expansion) }),
        ("NPS", { nps($0.nps) }),
        ("Tasks done on time", { rate($0.onTime) }),
    ]

    private func row(_ label: String, _ current: String, _ previous: String) -> String {
        label.padding(toLength: 24, withPad: " ", startingAt: 0) + current.padding(toLength: max(30, current.count + 2), withPad: " ", startingAt: 0)
            + style.dim(previous)
    }

    /// `12.5 % (1/8)`, or `–` when there is nothing to divide by.
    private static func rate(_ rate: KPIFigures.Rate, amounts: Bool = false) -> String {
        guard let percent = rate.percent else { return "–" }
        let parts = amounts
            ? "\(amount(rate.numerator)) of \(amount(rate.denominator))" : "\(Int(rate.numerator))/\(Int(rate.denominator))"
        return String(format: "%.1f %%", percent) + " (\(parts))"
    }

    private static func amount(_ value: Double) -> String { String(format: "%.0f", value) }

    /// `+25 (8 answers)`, or `–` when nobody answered.
    private static func nps(_ nps: KPIFigures.NPS) -> String {
        guard let score = nps.score else { return "–" }
        return String(format: "%+.0f", score) + " (\(nps.respondents) answer\(nps.respondents == 1 ? "" : "s"))"
    }
}
