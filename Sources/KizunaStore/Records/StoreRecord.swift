import Foundation
import GRDB

/// A row type of one table, written through cached statements with explicit columns.
///
/// GRDB's Codable persistence builds and prepares statements per call; bulk imports and
/// materializations write hundreds of thousands of rows, so the store's records spell out
/// their columns once and reuse one prepared statement per shape.
protocol StoreRecord: FetchableRecord, TableRecord {
    /// The table, its columns and the statements over them.
    static var sql: RecordSQL { get }
    /// The row's values for `sql.columns`, in order.
    var values: [(any DatabaseValueConvertible)?] { get }
}

/// A row type written in bulk, many rows per statement (`BoundInsert`).
protocol BoundRecord: StoreRecord {
    /// Binds `values` to `row`, by position from 1, one by one: without the array of boxed
    /// values, which cost more than the insert of a customer.
    func bind(to row: BoundInsert.Binder) throws
}

/// The statements of one table, built once per record type.
struct RecordSQL: Sendable {
    var table: String
    /// The written columns; the first is the key of `find` and `update`.
    var columns: [String]
    var insert: String
    /// Every written column, in order, of every row: rows of this selection can be decoded by
    /// position, which costs less than looking each column up by name.
    var select: String
    var find: String
    var update: String

    init(table: String, columns: [String]) {
        self.table = table
        self.columns = columns
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        insert = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders))"
        select = "SELECT \(columns.joined(separator: ", ")) FROM \(table)"
        find = "\(select) WHERE \(columns[0]) = ?"
        let assignments = columns.dropFirst().map { "\($0) = ?" }.joined(separator: ", ")
        update = "UPDATE \(table) SET \(assignments) WHERE \(columns[0]) = ?"
    }
}

extension StoreRecord {
    static var databaseTableName: String { sql.table }

    /// Inserts the row.
    func insert(_ db: Database) throws {
        try db.cachedStatement(sql: Self.sql.insert).execute(arguments: StatementArguments(values))
    }

    /// The row whose first column is `key`, `nil` when there is none.
    static func find(_ db: Database, key: String) throws -> Self? {
        try fetchOne(db.cachedStatement(sql: sql.find), arguments: [key])
    }

    /// Writes every column of the row whose first column is its key.
    func update(_ db: Database) throws {
        try db.cachedStatement(sql: Self.sql.update).execute(arguments: StatementArguments(values.dropFirst() + values.prefix(1)))
    }
}

/// JSON text for list and map columns, written by hand (Foundation's encoder costs more
/// than the rest of an import); map keys are sorted so equal values store equal text.
enum JSONColumn {
    static func encode(_ list: [String]) -> String {
        "[" + list.map(quoted).joined(separator: ",") + "]"
    }

    static func encode(_ map: [String: String]) -> String {
        "{" + map.sorted { $0.key < $1.key }.map { quoted($0.key) + ":" + quoted($0.value) }.joined(separator: ",") + "}"
    }

    /// The decoded value, or `fallback` when the text is not valid JSON of that shape.
    static func decode<T: Decodable>(_ text: String?, as type: T.Type, fallback: T) -> T {
        guard let data = text?.data(using: .utf8) else { return fallback }
        return (try? JSONDecoder().decode(type, from: data)) ?? fallback
    }

    /// A JSON string literal (RFC 8259 §7).
    static func quoted(_ text: String) -> String {
        // Most text (ids, names, checklist items) needs no escape: copy it whole.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            return "\"" + text + "\""
        }
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
