/// A checked condition expression: every name resolved, every comparison well typed.
public indirect enum ConditionExpression: Hashable, Sendable {
    case literal(ConditionValue)
    /// A customer field (`health`, `tier`, `renewal_date`, `fields.region`).
    case field(String)
    /// The latest value of a metric (`logins`, `nps`).
    case signal(String)
    /// The evaluation day.
    case today
    /// Days from a date (or a metric's latest observation, for a `.signal`) to today.
    case daysSince(ConditionExpression)
    /// Days from today to a date.
    case daysUntil(ConditionExpression)
    /// The latest value of a series minus its value `days` ago.
    case change(series: String, days: Int)
    /// `change` as a percentage of the value `days` ago.
    case percentChange(series: String, days: Int)
    /// Whether every step of the play's latest occurrence for the customer is done or skipped.
    case checklistComplete(playbook: String)
    case compare(ConditionExpression, ComparisonOperator, ConditionExpression)
    case and(ConditionExpression, ConditionExpression)
    case or(ConditionExpression, ConditionExpression)
    case not(ConditionExpression)
}

/// `<`, `<=`, `>`, `>=`, `==`, `!=`.
public enum ComparisonOperator: String, Hashable, Sendable, CaseIterable {
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=", equal = "==", notEqual = "!="

    /// Whether the operator asks for an order (and so cannot compare texts).
    var isOrdering: Bool { self != .equal && self != .notEqual }

    func holds<T: Comparable>(_ lhs: T, _ rhs: T) -> Bool {
        switch self {
        case .less: lhs < rhs
        case .lessOrEqual: lhs <= rhs
        case .greater: lhs > rhs
        case .greaterOrEqual: lhs >= rhs
        case .equal: lhs == rhs
        case .notEqual: lhs != rhs
        }
    }
}
