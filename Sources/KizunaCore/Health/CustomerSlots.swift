/// The positions of customers in a list of distinct ids, for rows that stream in by
/// customer: the store hands a metric's rows of one instant in id order, so the next row
/// is most often the next customer of an id-ordered list, checked before the table.
///
/// Ids are told apart by their UTF-8 bytes, as the store compares them, and looked up from
/// the bytes a row holds: no `String` is made for each of hundreds of thousands of rows.
public struct CustomerSlots: Sendable {
    public let ids: [String]
    /// Every id's UTF-8 bytes, one after the other: id `i` spans `bounds[i]..<bounds[i + 1]`.
    private let bytes: [UInt8]
    private let bounds: [Int]
    /// Open addressing by `hash(_:)`: a slot plus one, 0 where empty; a power of two long,
    /// at least twice the number of ids.
    private let table: [Int32]
    private var last = -1

    public init(_ ids: [String]) {
        self.ids = ids
        var bytes: [UInt8] = []
        var bounds = [0]
        bounds.reserveCapacity(ids.count + 1)
        for id in ids {
            bytes.append(contentsOf: id.utf8)
            bounds.append(bytes.count)
        }
        var capacity = 16
        while capacity < ids.count * 2 { capacity *= 2 }
        var table = [Int32](repeating: 0, count: capacity)
        bytes.withUnsafeBytes { all in
            for slot in ids.indices {
                let key = UnsafeRawBufferPointer(rebasing: all[bounds[slot]..<bounds[slot + 1]])
                var probe = Self.hash(key) & (capacity - 1)
                // The first of equal ids keeps its place.
                while table[probe] != 0 {
                    let other = Int(table[probe]) - 1
                    if Self.equal(key, UnsafeRawBufferPointer(rebasing: all[bounds[other]..<bounds[other + 1]])) { break }
                    probe = (probe + 1) & (capacity - 1)
                }
                if table[probe] == 0 { table[probe] = Int32(slot + 1) }
            }
        }
        self.bytes = bytes
        self.bounds = bounds
        self.table = table
    }

    /// The position of `id`, `nil` when it is not in the list.
    public mutating func slot(of id: String) -> Int? {
        var id = id
        return id.withUTF8 { slot(ofUTF8: UnsafeRawBufferPointer($0)) }
    }

    /// The position of the id whose UTF-8 bytes are `key`, `nil` when it is not in the list.
    public mutating func slot(ofUTF8 key: UnsafeRawBufferPointer) -> Int? {
        bytes.withUnsafeBytes { all in
            func matches(_ slot: Int) -> Bool {
                Self.equal(key, UnsafeRawBufferPointer(rebasing: all[bounds[slot]..<bounds[slot + 1]]))
            }
            let next = last + 1
            if next < ids.count, matches(next) {
                last = next
                return next
            }
            var probe = Self.hash(key) & (table.count - 1)
            while table[probe] != 0 {
                let slot = Int(table[probe]) - 1
                if matches(slot) {
                    last = slot
                    return slot
                }
                probe = (probe + 1) & (table.count - 1)
            }
            return nil
        }
    }

    /// FNV-1a of the bytes.
    private static func hash(_ key: UnsafeRawBufferPointer) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: hash ^ (hash >> 32))
    }

    private static func equal(_ lhs: UnsafeRawBufferPointer, _ rhs: UnsafeRawBufferPointer) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for index in 0..<lhs.count where lhs[index] != rhs[index] { return false }
        return true
    }
}
