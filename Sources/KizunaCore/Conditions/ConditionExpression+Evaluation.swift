extension ConditionExpression {
    /// Whether the condition holds in `environment`, with three-valued logic: `nil` when
    /// a value it needs is missing (`false and nil` is still `false`, `true or nil` `true`).
    func holds(in environment: some ConditionEnvironment) -> Bool? {
        switch self {
        case .compare(let lhs, let op, let rhs):
            guard let left = lhs.value(in: environment), let right = rhs.value(in: environment) else { return nil }
            return Self.compare(left, op, right)
        case .and(let lhs, let rhs):
            let (left, right) = (lhs.holds(in: environment), rhs.holds(in: environment))
            if left == false || right == false { return false }
            return left == nil || right == nil ? nil : true
        case .or(let lhs, let rhs):
            let (left, right) = (lhs.holds(in: environment), rhs.holds(in: environment))
            if left == true || right == true { return true }
            return left == nil || right == nil ? nil : false
        case .not(let operand):
            return operand.holds(in: environment).map { !$0 }
        case .checklistComplete(let playbook):
            return environment.checklistComplete(playbook)
        default:
            return nil
        }
    }

    /// The value of a non-boolean expression, `nil` when the data is missing.
    func value(in environment: some ConditionEnvironment) -> ConditionValue? {
        switch self {
        case .literal(let value): return value
        case .field(let name): return environment.field(name)
        case .signal(let metric): return environment.series(metric).last.map { .number($0.value) }
        case .today: return .date(environment.today)
        case .daysSince(.signal(let metric)):
            return environment.series(metric).last.map { .days(environment.today.dayNumber - $0.date.dayNumber) }
        case .daysSince(let date):
            guard case .date(let date) = date.value(in: environment) else { return nil }
            return .days(environment.today.dayNumber - date.dayNumber)
        case .daysUntil(let date):
            guard case .date(let date) = date.value(in: environment) else { return nil }
            return .days(date.dayNumber - environment.today.dayNumber)
        case .change(let series, let days):
            return Self.change(environment, series, days).map { .number($0.latest - $0.before) }
        case .percentChange(let series, let days):
            guard let change = Self.change(environment, series, days), change.before != 0 else { return nil }
            return .number((change.latest - change.before) / abs(change.before) * 100)
        case .compare, .and, .or, .not, .checklistComplete:
            return nil
        }
    }

    /// The series' latest value and its value `days` before that observation's day (the
    /// last observation on or before it); `nil` when the series does not reach back that far.
    /// Measured from the latest observation rather than from today, the two points lie `days`
    /// apart whenever the data came in: yesterday's logins compare with those of the same
    /// weekday, not with a day of another part of the week.
    private static func change(_ environment: some ConditionEnvironment, _ series: String, _ days: Int)
        -> (latest: Double, before: Double)?
    {
        let points = environment.series(series)
        guard let latest = points.last else { return nil }
        let cutoff = latest.date.adding(days: -days)
        guard let before = points.last(where: { $0.date <= cutoff }) else { return nil }
        return (latest.value, before.value)
    }

    private static func compare(_ left: ConditionValue, _ op: ComparisonOperator, _ right: ConditionValue) -> Bool? {
        switch (left, right) {
        case (.number(let a), .number(let b)): op.holds(a, b)
        case (.text(let a), .text(let b)): op.holds(a, b)
        case (.date(let a), .date(let b)): op.holds(a, b)
        case (.days(let a), .days(let b)): op.holds(a, b)
        default: nil  // an environment gave a field a value of another type
        }
    }
}
