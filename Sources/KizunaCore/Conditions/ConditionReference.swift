/// A name a condition relies on that only the rest of the team's files can vouch for: a
/// signal metric (known to the health model) or a playbook (for `checklist_complete`).
/// Loading checks them once every file is read (`Workspace.referenceProblems`).
public struct ConditionReference: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case metric, playbook
    }

    public var kind: Kind
    public var name: String
    /// Where the name is written, in Unicode scalars from the start of the condition.
    public var offset: Int
    /// Where the name is written in its file, once the condition is read from one.
    public var location: SourceLocation?

    public init(kind: Kind, name: String, offset: Int, location: SourceLocation? = nil) {
        self.kind = kind
        self.name = name
        self.offset = offset
        self.location = location
    }
}
