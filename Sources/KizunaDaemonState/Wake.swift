import KizunaCore

/// An instant the daemon owes something at, and what for ("midnight in America/New_York:
/// the planning window moves").
public struct Wake: Hashable, Sendable, Codable {
    public var instant: Instant
    public var purpose: String

    public init(instant: Instant, purpose: String) {
        self.instant = instant
        self.purpose = purpose
    }
}
