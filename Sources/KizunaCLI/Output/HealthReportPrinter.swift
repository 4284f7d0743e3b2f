import Foundation
import KizunaCore
import KizunaStore

/// Prints `kizuna health` for a terminal: one line per customer, worst first.
struct HealthReportPrinter {
    let style: Style
    let bands: HealthBands
    let trend: CalendarSpan

    func print(_ rows: [HealthReportRow]) {
        Swift.print(style.bold("Health") + style.dim(" (red below \(Self.format(bands.red)), yellow below \(Self.format(bands.yellow)); trend over \(trend))"))
        guard !rows.isEmpty else {
            Swift.print("  no scores yet: run `kizuna plan` or `kizuna import signals`")
            return
        }
        let idWidth = rows.map(\.customer.count).max() ?? 0
        for row in rows {
            let score = row.health.score.map(Self.format) ?? "–"
            let band = row.health.band.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
            let drivers = row.health.drivers.prefix(2).compactMap { measure -> String? in
                guard let lost = measure.pointsLost, lost >= 0.5, let value = measure.value else {
                    return measure.value == nil ? "\(measure.name): no data" : nil
                }
                return "\(measure.name) \(Self.format(value)) (−\(Self.format(lost)))"
            }
            Swift.print(
                "  " + score.leftPadded(to: 5) + " " + colour(band, row.health.band) + " " + Self.arrow(row.trend).leftPadded(to: 7)
                    + "  " + row.customer.padding(toLength: idWidth, withPad: " ", startingAt: 0) + "  " + row.csm + "  "
                    + style.dim(drivers.joined(separator: ", ")))
        }
    }

    /// `↓ -12.5`, `↑ +3`, `→ 0.4`, or `·` without an earlier score.
    static func arrow(_ change: Double?) -> String {
        guard let change else { return "·" }
        if change > 1 { return "↑ +" + format(change) }
        if change < -1 { return "↓ " + format(change) }
        return "→ " + format(change)
    }

    /// A number with at most one decimal: `40`, `12.5`.
    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    private func colour(_ text: String, _ band: HealthBand) -> String {
        switch band {
        case .red: style.red(text)
        case .yellow: style.yellow(text)
        case .green: style.cyan(text)
        case .unknown: style.dim(text)
        }
    }
}

/// One customer in `kizuna health --json`.
struct HealthLine: Encodable {
    var customer: String
    var name: String
    var csm: String
    var stage: String
    var day: String
    var score: Double?
    var band: String
    var trend: Double?
    var measures: [Measure]

    struct Measure: Encodable {
        var name: String
        var value: Double?
        var normalized: Double?
        var weight_share: Double
        var points_lost: Double?
    }

    init(_ row: HealthReportRow) {
        customer = row.customer
        name = row.name
        csm = row.csm
        stage = row.stage
        day = row.day.description
        score = row.health.score
        band = row.health.band.rawValue
        trend = row.trend.map { ($0 * 10).rounded() / 10 }
        measures = row.health.drivers.map {
            Measure(name: $0.name, value: $0.value, normalized: $0.normalized, weight_share: $0.share, points_lost: $0.pointsLost.map { ($0 * 10).rounded() / 10 })
        }
    }
}

extension String {
    /// The text right-aligned in `width` columns.
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
