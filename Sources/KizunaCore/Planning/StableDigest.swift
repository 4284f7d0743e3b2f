/// A 64-bit digest that every process and every version computes alike: FNV-1a over the
/// bytes fed to it, with MurmurHash3's 64-bit finalizer so that all its bits are well spread.
/// Written here because what it names (a task, a task's plan) only needs to be stable and
/// collision-resistant at this scale, not cryptographic, and Swift's `Hasher` is seeded per
/// process. Inlinable: it is fed byte by byte, and a call per byte would cost more than the
/// arithmetic.
public struct StableDigest: Sendable {
    @usableFromInline var hash: UInt64 = 0xcbf2_9ce4_8422_2325

    @inlinable public init() {}

    /// Feeds one byte.
    @inlinable public mutating func add(byte: UInt8) {
        hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }

    /// Feeds the text's UTF-8 bytes (nothing marks where it ends).
    @inlinable public mutating func add(_ text: String) {
        // Over the string's bytes in place where they are contiguous (always, for native strings).
        let fed: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            for byte in bytes { add(byte: byte) }
        }
        guard fed == nil else { return }
        for byte in text.utf8 { add(byte: byte) }
    }

    /// Feeds the number's eight bytes, least significant first.
    @inlinable public mutating func add(_ number: Int64) {
        let bits = UInt64(bitPattern: number)
        for shift in stride(from: 0 as UInt64, to: 64, by: 8) { add(byte: UInt8(truncatingIfNeeded: bits >> shift)) }
    }

    /// The digest of everything fed so far.
    @inlinable public var value: UInt64 {
        var digest = hash
        digest ^= digest >> 33
        digest = digest &* 0xff51_afd7_ed55_8ccd
        digest ^= digest >> 33
        digest = digest &* 0xc4ce_b9fe_1a85_ec53
        digest ^= digest >> 33
        return digest
    }
}
