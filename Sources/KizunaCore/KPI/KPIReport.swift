/// The KPIs of a period beside those of the period before it.
public struct KPIReport: Sendable, Equatable, Encodable {
    /// One period and its figures.
    public struct Entry: Sendable, Equatable, Encodable {
        public var period: KPIPeriod
        public var figures: KPIFigures

        enum CodingKeys: String, CodingKey {
            case period, first, last, figures
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(period.description, forKey: .period)
            try container.encode(period.firstDay.description, forKey: .first)
            try container.encode(period.endDay.adding(days: -1).description, forKey: .last)
            try container.encode(figures, forKey: .figures)
        }
    }

    public var current: Entry
    public var previous: Entry
}
