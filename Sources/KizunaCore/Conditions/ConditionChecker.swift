/// Resolves the names of a condition's syntax tree and checks its types, producing the
/// expression that is evaluated and the metrics and playbooks it names; every error names
/// the offset of the part at fault.
struct ConditionChecker {
    private static let functions = ["days_since", "days_until", "change", "pct_change", "checklist_complete"]

    /// The names found so far that other files must know.
    private var references: [ConditionReference] = []

    /// The checked expression and the names it relies on; the whole condition must be true or false.
    static func check(_ syntax: ConditionSyntax) throws(SyntaxError) -> (ConditionExpression, [ConditionReference]) {
        var checker = ConditionChecker()
        let (expression, type) = try checker.typed(syntax)
        guard type == .truth else {
            throw SyntaxError("expected a condition such as `health < 40`, found \(type)", at: syntax.offset)
        }
        return (expression, checker.references)
    }

    private mutating func typed(_ syntax: ConditionSyntax) throws(SyntaxError) -> (ConditionExpression, ConditionType) {
        switch syntax {
        case .literal(let value, _): return (.literal(value), value.type)
        case .name(let name, let offset): return try resolve(name, at: offset)
        case .call(let name, let arguments, let offset): return try call(name, arguments, at: offset)
        case .compare(let lhs, let op, let rhs, let offset): return (try compare(lhs, op, rhs, at: offset), .truth)
        case .and(let lhs, let rhs): return (.and(try truth(lhs), try truth(rhs)), .truth)
        case .or(let lhs, let rhs): return (.or(try truth(lhs), try truth(rhs)), .truth)
        case .not(let operand, _): return (.not(try truth(operand)), .truth)
        }
    }

    private mutating func truth(_ syntax: ConditionSyntax) throws(SyntaxError) -> ConditionExpression {
        let (expression, type) = try typed(syntax)
        guard type == .truth else {
            throw SyntaxError("expected a comparison such as `health < 40`, found \(type)", at: syntax.offset)
        }
        return expression
    }

    /// A field, `today`, a derived field, or else a signal metric, unless the name is
    /// so close to a field that it is taken for a misspelling.
    private mutating func resolve(_ name: String, at offset: Int) throws(SyntaxError) -> (ConditionExpression, ConditionType) {
        if name == "today" { return (.today, .date) }
        if let type = ConditionFields.types[name] { return (.field(name), type) }
        if let expression = ConditionFields.derived[name] { return (expression, .days) }
        if name.hasPrefix(ConditionFields.customPrefix), name.count > ConditionFields.customPrefix.count {
            return (.field(name), .text)
        }
        if name.contains(".") {
            throw SyntaxError("unknown field `\(name)`", at: offset, hint: "custom fields are written `fields.<name>`")
        }
        if let hint = didYouMean(name, among: ConditionFields.names + Self.functions) {
            throw SyntaxError("unknown field `\(name)`", at: offset, hint: hint)
        }
        references.append(ConditionReference(kind: .metric, name: name, offset: offset))
        return (.signal(name), .number)
    }

    private mutating func call(_ name: String, _ arguments: [ConditionSyntax], at offset: Int) throws(SyntaxError)
        -> (ConditionExpression, ConditionType)
    {
        switch name {
        case "days_since":
            let argument = try single(arguments, of: name, "a date field or a metric, such as `days_since(last_login)`", at: offset)
            let (expression, type) = try typed(argument)
            guard type == .date || isSignal(expression) else {
                throw SyntaxError("`days_since` needs a date field or a metric, found \(type)", at: argument.offset)
            }
            return (.daysSince(expression), .days)
        case "days_until":
            let argument = try single(arguments, of: name, "a date, such as `days_until(renewal_date)`", at: offset)
            let (expression, type) = try typed(argument)
            guard type == .date else {
                throw SyntaxError("`days_until` needs a date, found \(type)", at: argument.offset)
            }
            return (.daysUntil(expression), .days)
        case "checklist_complete":
            let argument = try single(
                arguments, of: name, "a playbook id in quotes, such as `checklist_complete(\"onboarding\")`", at: offset)
            guard case .literal(.text(let playbook), let playbookOffset) = argument else {
                throw SyntaxError("`checklist_complete` needs a playbook id in quotes, such as `\"onboarding\"`", at: argument.offset)
            }
            references.append(ConditionReference(kind: .playbook, name: playbook, offset: playbookOffset + 1))
            return (.checklistComplete(playbook: playbook), .truth)
        case "change", "pct_change":
            let (series, days) = try window(arguments, of: name, at: offset)
            return (name == "change" ? .change(series: series, days: days) : .percentChange(series: series, days: days), .number)
        default:
            throw SyntaxError("unknown function `\(name)`", at: offset,
                              hint: didYouMean(name, among: Self.functions) ?? "functions: \(Self.functions.joined(separator: ", "))")
        }
    }

    private func isSignal(_ expression: ConditionExpression) -> Bool {
        if case .signal = expression { return true }
        return false
    }

    private func single(_ arguments: [ConditionSyntax], of name: String, _ what: String, at offset: Int)
        throws(SyntaxError) -> ConditionSyntax
    {
        guard arguments.count == 1 else {
            throw SyntaxError("`\(name)` takes one argument, \(what)", at: offset)
        }
        return arguments[0]
    }

    /// The series and window of `change(metric, 28 days)`; `health` is a series too.
    private mutating func window(_ arguments: [ConditionSyntax], of name: String, at offset: Int) throws(SyntaxError) -> (String, Int) {
        let usage = "`\(name)` takes a metric and a window, such as `\(name)(logins, 28 days)`"
        guard arguments.count == 2 else { throw SyntaxError(usage, at: offset) }
        let (metric, _) = try typed(arguments[0])
        let series: String
        switch metric {
        case .signal(let name): series = name
        case .field("health"): series = "health"
        default: throw SyntaxError("expected a metric (a signal or `health`)", at: arguments[0].offset, hint: usage)
        }
        guard case .literal(.days(let days)) = try typed(arguments[1]).0, days > 0 else {
            throw SyntaxError("expected a window such as `28 days`", at: arguments[1].offset, hint: usage)
        }
        return (series, days)
    }

    private mutating func compare(_ lhs: ConditionSyntax, _ op: ComparisonOperator, _ rhs: ConditionSyntax, at offset: Int)
        throws(SyntaxError) -> ConditionExpression
    {
        var (left, leftType) = try typed(lhs)
        var (right, rightType) = try typed(rhs)
        // A bare number next to a count of days means days: `days_since(last_login) > 14`.
        if leftType == .days, rightType == .number, case .literal(.number(let value)) = right, value.rounded() == value {
            (right, rightType) = (.literal(.days(Int(value))), .days)
        }
        if rightType == .days, leftType == .number, case .literal(.number(let value)) = left, value.rounded() == value {
            (left, leftType) = (.literal(.days(Int(value))), .days)
        }
        guard leftType == rightType, leftType != .truth else {
            throw SyntaxError("cannot compare \(leftType) with \(rightType)", at: offset, hint: mismatchHint(leftType, rightType))
        }
        if leftType == .text, op.isOrdering {
            throw SyntaxError("texts can only be compared with `==` or `!=`", at: offset)
        }
        return .compare(left, op, right)
    }

    private func mismatchHint(_ left: ConditionType, _ right: ConditionType) -> String? {
        switch (left, right) {
        case (.date, .number), (.number, .date): "compare a date with a date such as `2026-12-25`, or count days with `days_until(…)`"
        case (.text, _), (_, .text): "texts are written in quotes, such as `tier == \"enterprise\"`"
        case (.truth, _), (_, .truth): "join conditions with `and` or `or`"
        default: nil
        }
    }
}
