/// A piece of a rule's text that knows where it starts (in Unicode scalars from the start
/// of the whole text), so that an error can point at it.
struct RuleFragment {
    let scalars: ArraySlice<Unicode.Scalar>

    init(_ scalars: ArraySlice<Unicode.Scalar>) {
        self.scalars = scalars
    }

    var offset: Int { scalars.startIndex }
    var isEmpty: Bool { scalars.isEmpty }

    var text: String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// The text in upper case, for names and enumerated values, which RFC 5545 reads case-insensitively.
    var upper: String { text.uppercased() }

    /// "found `X`", or "found nothing" for an empty fragment: the end of an error message.
    var found: String { isEmpty ? "found nothing" : "found `\(text)`" }

    /// The pieces between separators, empty ones included.
    func split(on separator: Unicode.Scalar) -> [RuleFragment] {
        scalars.split(separator: separator, omittingEmptySubsequences: false).map(RuleFragment.init)
    }
}
