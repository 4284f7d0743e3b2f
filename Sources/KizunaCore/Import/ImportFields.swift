/// The fields of one import row, name → text, in the file's order.
///
/// A row holds a dozen fields, each looked up once or twice: comparing short names one by
/// one costs less than hashing every name into a dictionary of its own, 100,000 times over
/// in a large file.
public struct ImportFields: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    private var entries: [(name: String, value: String)] = []

    public init() {}

    public init(dictionaryLiteral elements: (String, String)...) {
        for (name, value) in elements { self[name] = value }
    }

    /// The value of the field `name`; setting `nil` removes it.
    public subscript(name: String) -> String? {
        get { entries.first { $0.name == name }?.value }
        set {
            let index = entries.firstIndex { $0.name == name }
            switch (index, newValue) {
            case (let index?, let value?): entries[index].value = value
            case (let index?, nil): entries.remove(at: index)
            case (nil, let value?): entries.append((name, value))
            case (nil, nil): break
            }
        }
    }

    /// Sets the field `name` to `value` as the subscript does; with `new`, the caller knows
    /// the row has no field `name` yet, and a value is added without looking for it.
    mutating func set(_ name: String, to value: String?, new: Bool) {
        if new {
            if let value { entries.append((name, value)) }
        } else {
            self[name] = value
        }
    }

    public var count: Int { entries.count }

    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
        entries.makeIterator()
    }

    /// The same fields with the same values, in any order.
    public static func == (lhs: ImportFields, rhs: ImportFields) -> Bool {
        lhs.count == rhs.count && lhs.entries.allSatisfy { rhs[$0.name] == $0.value }
    }
}
