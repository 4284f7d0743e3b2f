/// The periods of a DAILY or finer rule: every `interval`th unit (day, hour, minute or
/// second, numbered from the epoch) counted from the one that holds DTSTART.
struct RuleGrid {
    let origin: Int
    let interval: Int

    /// The first period at or after `unit` (never one before the origin).
    func first(atOrAfter unit: Int) -> Int {
        let lower = max(unit, origin)
        let remainder = (lower - origin) % interval
        return remainder == 0 ? lower : lower + interval - remainder
    }

    func contains(_ unit: Int) -> Bool {
        unit >= origin && (unit - origin) % interval == 0
    }
}

/// Euclid's algorithm, for how a grid's INTERVAL meets the calendar's cycles.
func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int {
    b == 0 ? a : greatestCommonDivisor(b, a % b)
}
