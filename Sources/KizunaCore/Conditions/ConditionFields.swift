/// The customer fields a condition can name, and their types. Any other name is a
/// signal metric (a number).
public enum ConditionFields {
    /// Fields the environment supplies.
    public static let types: [String: ConditionType] = [
        "health": .number, "arr": .number, "mrr": .number, "seats": .number,
        "id": .text, "name": .text, "csm": .text, "team_lead": .text, "stage": .text, "tier": .text, "plan": .text,
        "industry": .text, "timezone": .text,
        "renewal_date": .date, "stage_entered": .date, "customer_since": .date,
    ]

    /// Fields computed from others: `days_in_stage` is `days_since(stage_entered)`.
    static let derived: [String: ConditionExpression] = [
        "days_in_stage": .daysSince(.field("stage_entered"))
    ]

    /// The prefix of custom fields (`fields.region`), which are texts.
    public static let customPrefix = "fields."

    /// Every name that is not a metric, for "did you mean" hints.
    static var names: [String] { Array(types.keys) + Array(derived.keys) + ["today"] }
}
