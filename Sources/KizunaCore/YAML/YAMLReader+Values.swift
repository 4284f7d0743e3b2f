import Foundation

extension YAMLReader {
    /// A scalar read by an expression parser (a cadence, a span, a condition), with the
    /// parser's error placed at its column.
    func parse<T>(_ node: YAMLNode, expected: String, _ parse: (String) throws(SyntaxError) -> T) -> T? {
        scalar(node, expected: expected)?.parse(diagnostics, parse)
    }

    /// An IANA time zone name (`Europe/London`), checked against the tz database.
    func zone(_ scalar: YAMLScalar, alternatives: [String] = []) -> Zone? {
        if let zone = Zone.named(scalar.text) { return zone }
        let expected = (alternatives.map { "`\($0)`" } + ["an IANA time zone such as `Europe/London`"]).joined(separator: ", ")
        diagnostics.report(
            "unknown time zone `\(scalar.text)`", at: scalar.location,
            hint: didYouMean(scalar.text, among: alternatives + TimeZone.knownTimeZoneIdentifiers) ?? "expected \(expected)")
        return nil
    }

    /// A name of lowercase letters, digits and dashes (`onboarding-weekly`), for ids.
    func identifier(_ node: YAMLNode, expected: String) -> YAMLScalar? {
        guard let scalar = scalar(node, expected: expected) else { return nil }
        let valid = scalar.text.split(separator: "-", omittingEmptySubsequences: false).allSatisfy { part in
            !part.isEmpty && part.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        }
        guard valid else {
            diagnostics.report(
                "expected \(expected), found `\(scalar.text)`", at: scalar.location,
                hint: "use lowercase letters, digits and single dashes, such as `onboarding-weekly`")
            return nil
        }
        return scalar
    }
}
