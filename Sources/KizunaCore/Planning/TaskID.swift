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
        // Byte by byte: a pass reads back hundreds of thousands of ids, and `Character`'s
        // properties would also let through hex digits of other scripts (fullwidth ones).
        guard hex.utf8.count == 16, hex.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
            return nil
        }
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

    /// `StableDigest` over the fields, a NUL between fields, so that planning the same
    /// occurrence in any process names the same task; its leading hex digits are well spread
    /// for short prefixes.
    private static func digest(_ playbook: String, _ step: String, _ customer: String, _ occurrence: String) -> String {
        var digest = StableDigest()
        digest.add(playbook)
        digest.add(byte: 0)
        digest.add(step)
        digest.add(byte: 0)
        digest.add(customer)
        digest.add(byte: 0)
        digest.add(occurrence)
        // Written straight into the string's storage: one allocation per id.
        let value = digest.value
        return String(unsafeUninitializedCapacity: 16) { (buffer: UnsafeMutableBufferPointer<UInt8>) -> Int in
            for index in 0..<16 {
                let nibble = UInt8(truncatingIfNeeded: value >> UInt64(60 - 4 * index)) & 0xf
                buffer[index] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
            }
            return 16
        }
    }
}
