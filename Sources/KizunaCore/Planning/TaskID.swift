/// The identity of a task: derived from (playbook, step, customer, occurrence), so that
/// planning the same occurrence twice, from any process, names the same task.
public struct TaskID: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// 16 lowercase hex digits.
    public let hex: String

    public init(playbook: String, step: String, customer: String, occurrence: String) {
        hex = Self.digest(playbook, step, customer, occurrence)
    }

    /// An id read back from storage or a command line (not validated beyond its form).
    public init?(hex: String) {
        guard hex.count == 16, hex.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return nil }
        self.hex = hex
    }

    /// The short form people type and read, like git's abbreviated commit ids.
    public var short: String { String(hex.prefix(7)) }

    public var description: String { hex }

    public static func < (lhs: TaskID, rhs: TaskID) -> Bool { lhs.hex < rhs.hex }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = TaskID(hex: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a task id: \(text)"))
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }

    /// FNV-1a over the fields (NUL-separated) with MurmurHash3's 64-bit finalizer, so the
    /// leading hex digits are well spread for short prefixes. Written here because the id
    /// only needs to be stable and collision-resistant at this scale, not cryptographic,
    /// and Swift's `Hasher` is seeded per process.
    private static func digest(_ playbook: String, _ step: String, _ customer: String, _ occurrence: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        // Each field, then a NUL between fields (hashed as `hash ^ 0`, which leaves it unchanged).
        func add(_ field: String) {
            // Over the string's bytes in place where they are contiguous (always, for native strings).
            let hashed: Void? = field.utf8.withContiguousStorageIfAvailable { bytes in
                for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            }
            guard hashed == nil else { return }
            for byte in field.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        add(playbook)
        hash = hash &* 0x100_0000_01b3
        add(step)
        hash = hash &* 0x100_0000_01b3
        add(customer)
        hash = hash &* 0x100_0000_01b3
        add(occurrence)
        hash ^= hash >> 33
        hash = hash &* 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        hash = hash &* 0xc4ce_b9fe_1a85_ec53
        hash ^= hash >> 33
        // Written straight into the string's storage: one allocation per id.
        let digest = hash
        return String(unsafeUninitializedCapacity: 16) { (buffer: UnsafeMutableBufferPointer<UInt8>) -> Int in
            for index in 0..<16 {
                let nibble = UInt8(truncatingIfNeeded: digest >> UInt64(60 - 4 * index)) & 0xf
                buffer[index] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
            }
            return 16
        }
    }
}
