/// The variables a playbook template may use.
public enum TemplateVariables {
    /// The customer's fields, `customer.name`.
    public static let customer = [
        "id", "name", "csm", "team_lead", "stage", "tier", "plan", "industry", "arr", "mrr", "seats",
        "renewal_date", "timezone", "health",
    ].map { "customer.\($0)" }

    /// Every fixed variable; `customer.fields.<name>` reads any custom field besides these.
    public static let known = customer + ["playbook.id", "playbook.title", "occurrence.date", "task.due"]

    /// The prefix of a customer's custom fields (`customer.fields.region`).
    public static let customFieldPrefix = "customer.fields."

    /// Whether a template may use `path`.
    public static func isKnown(_ path: String) -> Bool {
        known.contains(path) || (path.hasPrefix(customFieldPrefix) && isName(path.dropFirst(customFieldPrefix.count)))
    }

    private static func isName(_ text: Substring) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
    }
}
