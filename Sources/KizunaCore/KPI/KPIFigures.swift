/// The KPIs of one period (see docs/kpi.md for each definition).
public struct KPIFigures: Sendable, Equatable, Encodable {
    /// A rate with what it is made of; `percent` is absent when the denominator is zero.
    public struct Rate: Sendable, Equatable, Encodable {
        public var numerator: Double
        public var denominator: Double
        public var percent: Double?

        public init(_ numerator: Double, of denominator: Double) {
            self.numerator = numerator
            self.denominator = denominator
            percent = denominator == 0 ? nil : numerator / denominator * 100
        }
    }

    /// Customers at the period's bounds and those who came and went in it.
    public struct Customers: Sendable, Equatable, Encodable {
        public var atStart: Int
        public var atEnd: Int
        public var won: Int
        public var lost: Int

        public init(atStart: Int, atEnd: Int, won: Int, lost: Int) {
            self.atStart = atStart
            self.atEnd = atEnd
            self.won = won
            self.lost = lost
        }
    }

    /// Net Promoter Score: % promoters (9–10) − % detractors (0–6) of the customers who answered.
    public struct NPS: Sendable, Equatable, Encodable {
        public var respondents: Int
        public var promoters: Int
        public var detractors: Int
        /// −100 to 100; absent when nobody answered.
        public var score: Double?

        public init(respondents: Int, promoters: Int, detractors: Int, score: Double?) {
            self.respondents = respondents
            self.promoters = promoters
            self.detractors = detractors
            self.score = score
        }
    }

    public var customers: Customers
    /// Customers lost ÷ customers at the start.
    public var customerChurn: Rate
    /// Recurring revenue (ARR) lost ÷ recurring revenue at the start.
    public var revenueChurn: Rate
    /// (Customers at the end − customers won) ÷ customers at the start.
    public var retention: Rate
    /// Customers who moved on from onboarding ÷ customers in onboarding during the period.
    public var onboardingCompletion: Rate
    /// Customers whose ARR or seats grew ÷ customers during the period.
    public var expansion: Rate
    public var nps: NPS
    /// Tasks done by their due ÷ tasks that fell due (skipped and cancelled ones aside).
    public var onTime: Rate
    /// Tasks overdue at the period's end (or now, for the current period), by owner.
    public var overdueByOwner: [String: Int]
}
