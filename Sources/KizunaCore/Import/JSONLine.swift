import Foundation

/// One value of a JSON-lines record, as an import reads it.
enum JSONLineValue: Equatable {
    case text(String)
    /// A number, as `NSNumber.stringValue` writes it.
    case number(String)
    case null
    /// Anything else (an array, an object, a boolean).
    case other
}

/// Reads the object on one line of a JSON-lines file into its keys and values.
///
/// The records of an import file are flat objects of plain strings and integers, and parsing
/// those straight from the bytes costs a fraction of `JSONSerialization`, which builds a
/// Foundation dictionary per line. Any other line (escapes, fractions, booleans, nesting,
/// repeated keys, more than 64 keys, malformed JSON) goes through `JSONSerialization`, so every line reads as
/// it always did.
enum JSONLine {
    /// The line's fields, `nil` when it does not hold a JSON object.
    static func fields(_ line: ArraySlice<UInt8>) -> [(key: String, value: JSONLineValue)]? {
        let plain = line.withUnsafeBufferPointer { bytes in
            var parser = PlainObjectParser(bytes: bytes)
            return parser.parse()
        }
        if let plain { return plain }
        guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else { return nil }
        return object.map { key, value in
            switch value {
            case let text as String: (key, .text(text))
            case let number as NSNumber: (key, .number(number.stringValue))
            case is NSNull: (key, .null)
            default: (key, .other)
            }
        }
    }
}

/// A parser of the plain subset of a JSON object: string keys, and values that are strings
/// without escapes, integers of up to 18 digits or `null`, each key once, at most
/// `maximumKeys` keys (whose repeats are found by comparing each with those before).
private struct PlainObjectParser {
    static let maximumKeys = 64
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The fields, `nil` when the line falls outside the subset.
    mutating func parse() -> [(key: String, value: JSONLineValue)]? {
        var fields: [(key: String, value: JSONLineValue)] = []
        guard take(UInt8(ascii: "{")) else { return nil }
        if !take(UInt8(ascii: "}")) {
            repeat {
                guard fields.count < Self.maximumKeys, let key = string(), !fields.contains(where: { $0.key == key }),
                    take(UInt8(ascii: ":")), let value = value()
                else { return nil }
                fields.append((key, value))
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "}")) else { return nil }
        }
        skipWhitespace()
        return index == bytes.count ? fields : nil
    }

    /// Skips whitespace, then consumes `byte` when it comes next.
    private mutating func take(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): index += 1
            default: return
            }
        }
    }

    private mutating func value() -> JSONLineValue? {
        skipWhitespace()
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "\""): return string().map(JSONLineValue.text)
        case UInt8(ascii: "n"):
            guard bytes[index...].starts(with: "null".utf8) else { return nil }
            index += 4
            return .null
        default: return integer().map(JSONLineValue.number)
        }
    }

    /// A string without escapes or control characters (the line is valid UTF-8).
    private mutating func string() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
            guard bytes[index] >= 0x20, bytes[index] != UInt8(ascii: "\\") else { return nil }
            index += 1
        }
        guard index < bytes.count else { return nil }
        index += 1
        return String(decoding: bytes[start..<index - 1], as: UTF8.self)
    }

    /// An integer, without leading zeros, `-0`, a fraction or an exponent, that fits an `Int`
    /// (which `NSNumber.stringValue` writes back as it reads).
    private mutating func integer() -> String? {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let digits = index
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        let count = index - digits
        guard (1...18).contains(count), bytes[digits] != UInt8(ascii: "0") || (count == 1 && digits == start) else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] | 0x20 == UInt8(ascii: "e") { return nil }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }
}
