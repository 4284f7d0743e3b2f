extension YAMLReader {
    /// A condition read from a scalar, its syntax errors placed at their column and its
    /// references (metrics, playbooks) given their place in the file for the checks that
    /// need the other files.
    func condition(_ node: YAMLNode, expected: String) -> Condition? {
        guard let scalar = scalar(node, expected: expected), var condition = scalar.parse(diagnostics, Condition.init(parsing:))
        else { return nil }
        for index in condition.references.indices {
            condition.references[index].location = scalar.location(atOffset: condition.references[index].offset)
        }
        return condition
    }
}
