import Foundation

/// A large customer file, the same for every run, so a process killed mid-write has work in flight.
enum GeneratedCustomers {
    /// `count` onboarding and adoption customers as JSON lines, owned by ten CSMs.
    static func jsonLines(count: Int) -> String {
        (0..<count).map { index in
            let stage = index % 2 == 0 ? "onboarding" : "adoption"
            let day = 1 + index % 28
            return """
                {"id": "gen-\(index)", "name": "Generated \(index)", "csm": "csm-\(index % 10)", "team_lead": "lead", \
                "stage": "\(stage)", "stage_entered": "2026-10-\(day < 10 ? "0" : "")\(day)", "arr": \(1_000 + index), "health": \(index % 100)}
                """
        }.joined(separator: "\n") + "\n"
    }
}

/// A small deterministic generator (SplitMix64), so "random" kill moments repeat from run to run.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
