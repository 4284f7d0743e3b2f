extension DaySelector {
    /// Why this selector cannot choose days in a cadence of `frequency`, or `nil` when it can.
    /// Without a frequency, only what no period allows is a problem (`day 400`).
    func problem(for frequency: Cadence.Frequency?) -> String? {
        let period = frequency ?? .year
        switch (self, period) {
        case (_, .day), (_, .businessDay):
            return "days cannot be chosen for a cadence counted in days: remove `\(phrase)`"
        case (.monthDay, .week), (.monthDay, .month), (.monthDay, .quarter):
            return "`\(phrase)` needs a yearly cadence"
        case (.day, .week):
            return "`\(phrase)` needs a monthly, quarterly or yearly cadence"
        case (.nthWeekday(_, let weekday), .week):
            return "`\(phrase)` needs a monthly, quarterly or yearly cadence: a week has one \(weekday.name)"
        case (.nthWeekday(let n, let weekday), _):
            let most = period.mostWeeks
            return abs(n) <= most ? nil : "`\(phrase)` does not exist: a \(period.rawValue) has at most \(most) \(weekday.name)s"
        case (.day(let n), _), (.businessDay(let n), _):
            let most = period.mostDays
            return abs(n) <= most ? nil : "`\(phrase)` does not exist: a \(period.rawValue) has at most \(most) days"
        case (.weekday, _), (.monthDay, _):
            return nil
        }
    }
}

extension Cadence.Frequency {
    /// The most days one period can have.
    fileprivate var mostDays: Int {
        switch self {
        case .day, .businessDay: 1
        case .week: 7
        case .month: 31
        case .quarter: 92
        case .year: 366
        }
    }

    /// The most times one weekday can occur in one period (a 92-day quarter has 14 of one).
    fileprivate var mostWeeks: Int {
        switch self {
        case .day, .businessDay, .week: 1
        case .month: 5
        case .quarter: 14
        case .year: 53
        }
    }
}
