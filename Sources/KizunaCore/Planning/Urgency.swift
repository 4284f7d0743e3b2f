import Foundation

/// How urgent an open task is, in the spirit of Taskwarrior's urgency: a sum of terms
/// that people can read and reason about. Higher is more urgent.
public struct Urgency: Hashable, Sendable, Comparable, Codable {
    public let value: Double

    /// Weighs how close or overdue the task is, its priority, the customer's health and value.
    ///
    /// - due: 12 × a ramp from 0.2 (due in 14 days or more) to 1.0 (7 days overdue or more);
    /// - priority: low 1.8, medium 3.9, high 6, critical 9;
    /// - health: up to 4 as the score falls from 100 to 0 (nothing when unknown);
    /// - value: up to 3, one point per tenfold ARR above 1,000.
    public init(due: Instant, now: Instant, priority: Priority, health: Double?, arr: Double?) {
        let daysOverdue = Double(now.secondsSinceEpoch - due.secondsSinceEpoch) / 86_400
        let proximity: Double =
            if daysOverdue >= 7 { 1.0 } else if daysOverdue >= -14 { (daysOverdue + 14) * 0.8 / 21 + 0.2 } else { 0.2 }
        var value = 12 * proximity + priority.weight
        if let health { value += 4 * (1 - min(max(health, 0), 100) / 100) }
        if let arr, arr > 1_000 { value += min(3, log10(arr / 1_000)) }
        self.value = (value * 100).rounded() / 100
    }

    public static func < (lhs: Urgency, rhs: Urgency) -> Bool { lhs.value < rhs.value }

    public init(from decoder: any Decoder) throws {
        value = try decoder.singleValueContainer().decode(Double.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
