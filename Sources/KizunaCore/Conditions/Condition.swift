/// A condition over a customer's fields, health and signals (`health < 40`), parsed and
/// type-checked when its playbook loads. The language is described in docs/conditions.md.
public struct Condition: Hashable, Sendable, CustomStringConvertible {
    /// The expression as written.
    public var source: String
    /// The checked expression.
    public var expression: ConditionExpression
    /// The metrics and playbooks it names, in the order they are written.
    public var references: [ConditionReference]

    /// Reads and checks a condition.
    ///
    /// - Throws: the first problem, at its offset in `source`: a syntax error, an unknown
    ///   field or function (with a hint), a comparison of mismatched types.
    public init(parsing source: String) throws(SyntaxError) {
        self.source = source
        (expression, references) = try ConditionChecker.check(try ConditionParser.parse(source))
    }

    /// Whether the condition holds for the customer `environment` describes; `nil` when a
    /// value it needs is unknown (no health score yet, a metric without enough history).
    public func evaluate(in environment: some ConditionEnvironment) -> Bool? {
        expression.holds(in: environment)
    }

    public var description: String { source }

    /// Two conditions are equal when they read the same; where their names sit in a file does not count.
    public static func == (lhs: Condition, rhs: Condition) -> Bool {
        lhs.source == rhs.source && lhs.expression == rhs.expression
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(source)
        hasher.combine(expression)
    }
}
