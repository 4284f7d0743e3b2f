/// A condition as written, before names are resolved and types checked; every node
/// keeps the offset where it starts so that the checker can point at it.
indirect enum ConditionSyntax {
    case literal(ConditionValue, offset: Int)
    case name(String, offset: Int)
    case call(String, [ConditionSyntax], offset: Int)
    /// `operatorOffset` is where the operator is written.
    case compare(ConditionSyntax, ComparisonOperator, ConditionSyntax, operatorOffset: Int)
    case and(ConditionSyntax, ConditionSyntax)
    case or(ConditionSyntax, ConditionSyntax)
    case not(ConditionSyntax, offset: Int)

    var offset: Int {
        switch self {
        case .literal(_, let offset), .name(_, let offset), .call(_, _, let offset), .not(_, let offset): offset
        case .compare(let lhs, _, _, _), .and(let lhs, _), .or(let lhs, _): lhs.offset
        }
    }
}
