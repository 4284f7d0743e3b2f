/// A condition over a customer's fields, health and signals (`health < 40`), parsed and
/// type-checked when its playbook loads.
public struct Condition: Hashable, Sendable, CustomStringConvertible {
    /// The expression as written.
    public var source: String

    public var description: String { source }
}
