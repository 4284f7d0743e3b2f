/// A value a condition works with.
public enum ConditionValue: Hashable, Sendable {
    case number(Double)
    case text(String)
    case date(CivilDate)
    /// A count of days: a duration literal (`14 days`), `days_since(…)`, `days_in_stage`.
    case days(Int)

    public var type: ConditionType {
        switch self {
        case .number: .number
        case .text: .text
        case .date: .date
        case .days: .days
        }
    }
}

/// The type of a condition's sub-expression, checked when the condition is read.
public enum ConditionType: Hashable, Sendable, CustomStringConvertible {
    case number, text, date, days, truth

    /// "a number", "a date", for messages.
    public var description: String {
        switch self {
        case .number: "a number"
        case .text: "a text"
        case .date: "a date"
        case .days: "a number of days"
        case .truth: "a condition"
        }
    }
}
