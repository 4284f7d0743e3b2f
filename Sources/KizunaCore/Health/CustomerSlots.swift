/// The positions of customers in a list of distinct ids, for rows that stream in by
/// customer: the store hands a metric's rows of one instant in id order, so the next row
/// is most often the next customer of an id-ordered list, checked before the table.
public struct CustomerSlots: Sendable {
    public let ids: [String]
    private let slots: [String: Int]
    private var last = -1

    public init(_ ids: [String]) {
        self.ids = ids
        slots = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The position of `id`, `nil` when it is not in the list.
    public mutating func slot(of id: String) -> Int? {
        let next = last + 1
        if next < ids.count, ids[next] == id {
            last = next
            return next
        }
        guard let slot = slots[id] else { return nil }
        last = slot
        return slot
    }
}
