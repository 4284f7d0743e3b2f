/// A token of the condition language, with the offset (in Unicode scalars) where it starts.
struct ConditionToken: Equatable {
    enum Kind: Equatable {
        case number(Double)
        case text(String)
        case date(CivilDate)
        /// A name, possibly dotted (`fields.region`); keywords are names too.
        case name(String)
        case comparison(ComparisonOperator)
        case openParenthesis, closeParenthesis, comma, minus
        case end
    }

    var kind: Kind
    var offset: Int
    var length: Int

    /// How the token reads in a message: "`)`", "the end of the condition".
    var found: String {
        switch kind {
        case .number(let value): "`\(value.formatted)`"
        case .text(let text): "\"\(text)\""
        case .date(let date): "`\(date)`"
        case .name(let name): "`\(name)`"
        case .comparison(let op): "`\(op.rawValue)`"
        case .openParenthesis: "`(`"
        case .closeParenthesis: "`)`"
        case .comma: "`,`"
        case .minus: "`-`"
        case .end: "the end of the condition"
        }
    }
}

extension Double {
    /// `40` rather than `40.0` for whole numbers.
    var formatted: String { rounded() == self && abs(self) < 1e15 ? String(Int(self)) : String(self) }
}
