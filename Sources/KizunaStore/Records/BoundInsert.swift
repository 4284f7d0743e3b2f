import Foundation
import GRDB
import GRDBSQLite

/// One prepared INSERT whose values are bound straight to SQLite, for the rows a planning pass
/// writes by the hundred thousand.
///
/// GRDB binds `StatementArguments`, an array of boxed values built per row; building them cost
/// more than SQLite's insert itself. GRDB offers no way to bind one value at a time, so this
/// binds through the C API on GRDB's statement and lets GRDB run it (its transaction and
/// error handling stay in charge). Every parameter must be bound before each `insert`.
struct BoundInsert {
    private let statement: Statement
    /// The text bound to the statement, which SQLite reads in place while it runs.
    private let text = BoundText()
    private var sqlite: SQLiteStatement { statement.sqliteStatement }
    /// The parameters of one row of a multi-row INSERT.
    private var width: Int32 = 0

    /// Prepares `INSERT OR ROLLBACK INTO table (columns) VALUES (…), (…), …` with `rows` rows
    /// of parameters; `Binder.row(_:)` binds each row's columns.
    ///
    /// A row breaking a constraint rolls the whole transaction back, as the caller's failed
    /// transaction would be anyway. Undoing only the failed statement (SQLite's default) needs a
    /// journal of every page the statement changes, which cost a multi-row INSERT into indexes
    /// keyed by random ids much of its time.
    init(into table: String, columns: [String], rows: Int, in db: Database) throws {
        try self.init(Self.sql(into: table, columns: columns, rows: rows), in: db)
        width = Int32(columns.count)
    }

    /// The SQL `init(into:columns:rows:in:)` prepares.
    static func sql(into table: String, columns: [String], rows: Int) -> String {
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        let values = Array(repeating: row, count: rows).joined(separator: ", ")
        return "INSERT OR ROLLBACK INTO \(table) (\(columns.joined(separator: ", "))) VALUES \(values)"
    }

    /// Rows per INSERT of `insert(into:columns:count:in:bind:)`. SQLite's cost of running one
    /// INSERT beyond its rows (opening a cursor on the table and on each of its indexes,
    /// closing them, ending the statement) was as much as a row's own: a statement of many
    /// rows pays it once for them all. Larger statements save little more and cost more to
    /// prepare, once per transaction.
    static let rowsPerStatement = 32

    /// Inserts `count` rows into `table`, `rowsPerStatement` per statement and the rest in a
    /// last one; `bind(index, row)` binds the columns of row `index`.
    static func insert(
        into table: String, columns: [String], count: Int, in db: Database, bind: (Int, BoundInsert.Binder) throws -> Void
    ) throws {
        var full: BoundInsert?
        for first in stride(from: 0, to: count, by: rowsPerStatement) {
            let rows = min(rowsPerStatement, count - first)
            let statement: BoundInsert
            if rows == rowsPerStatement, let full {
                statement = full
            } else {
                statement = try BoundInsert(into: table, columns: columns, rows: rows, in: db)
                if rows == rowsPerStatement { full = statement }
            }
            try statement.insert { binder in
                for row in 0..<rows { try bind(first + row, binder.row(row)) }
            }
        }
    }

    /// Prepares `sql`, whose parameters are all positional (`?`).
    init(_ sql: String, in db: Database) throws {
        statement = try db.makeStatement(sql: sql)
        // Marks the statement's arguments as bound, so that `execute()` keeps the values bound
        // here rather than validating an empty argument list.
        let count = Int(sqlite3_bind_parameter_count(statement.sqliteStatement))
        statement.setUncheckedArguments(StatementArguments(Array(repeating: DatabaseValue.null, count: count)))
    }

    /// Binds the row's values with `bind`, then inserts it.
    func insert(_ bind: (Binder) throws -> Void) throws {
        // A statement is bound between runs: after its last run, before GRDB's reset of the next.
        sqlite3_reset(sqlite)
        text.removeAll()
        try bind(Binder(statement: sqlite, width: width, text: text))
        try statement.execute()
    }

    /// Binds the parameters of one row, by 1-based position.
    struct Binder {
        let statement: SQLiteStatement
        /// The parameters of one row of a multi-row INSERT.
        private let width: Int32
        /// The parameters of the rows before this one.
        private var offset: Int32 = 0
        private let text: BoundText

        fileprivate init(statement: SQLiteStatement, width: Int32, text: BoundText) {
            self.statement = statement
            self.width = width
            self.text = text
        }

        /// The binder of row `row` (from 0) of a multi-row INSERT, whose positions are its columns'.
        func row(_ row: Int) -> Binder {
            var binder = self
            binder.offset = Int32(row) * width
            return binder
        }

        func bind(_ value: Int64, at index: Int32) throws {
            try check(sqlite3_bind_int64(statement, offset + index, value))
        }

        func bind(_ text: String, at index: Int32) throws {
            var text = text
            // The buffer lives only in the closure: its bytes are kept until the next run.
            let (chars, count) = text.withUTF8 { bytes in (self.text.keep(UnsafeRawBufferPointer(bytes)), Int32(bytes.count)) }
            // SQLite reads the kept bytes in place (SQLITE_STATIC, a null destructor) rather
            // than copying each value into memory of its own.
            try check(sqlite3_bind_text(statement, offset + index, chars, count, nil))
        }

        func bind(_ value: Int64?, at index: Int32) throws {
            guard let value else { return try check(sqlite3_bind_null(statement, offset + index)) }
            try bind(value, at: index)
        }

        func bind(_ value: Double?, at index: Int32) throws {
            guard let value else { return try check(sqlite3_bind_null(statement, offset + index)) }
            try check(sqlite3_bind_double(statement, offset + index, value))
        }

        func bind(_ text: String?, at index: Int32) throws {
            guard let text else { return try check(sqlite3_bind_null(statement, offset + index)) }
            try bind(text, at: index)
        }

        /// Binds `texts` at the positions from `index` on.
        func bind(texts: String?..., at index: Int32) throws {
            for (offset, text) in texts.enumerated() { try bind(text, at: index + Int32(offset)) }
        }

        func bind(_ value: DatabaseValue, at index: Int32) throws {
            switch value.storage {
            case .null: try check(sqlite3_bind_null(statement, offset + index))
            case .int64(let integer): try bind(integer, at: index)
            case .double(let double): try check(sqlite3_bind_double(statement, offset + index, double))
            case .string(let text): try bind(text, at: index)
            case .blob(let data):
                try check(data.withUnsafeBytes { sqlite3_bind_blob(statement, offset + index, $0.baseAddress ?? Self.emptyAddress, Int32($0.count), Self.transient) })
            }
        }

        private func check(_ code: Int32) throws {
            guard code == SQLITE_OK else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot bind parameter")
            }
        }

        /// SQLite's `SQLITE_TRANSIENT`, a macro Swift does not import: copy the value now.
        private static var transient: sqlite3_destructor_type { unsafeBitCast(-1, to: sqlite3_destructor_type.self) }

        private static let emptyText: StaticString = ""
        private static var emptyAddress: UnsafeRawPointer { UnsafeRawPointer(emptyText.utf8Start) }
    }
}

/// Copies of the text bound to one statement, kept until it is bound anew: SQLite reads
/// text bound as static in place, where text bound as transient costs it an allocation and
/// a copy per value, millions of them in a first planning pass.
final class BoundText {
    /// Each holds the text of many rows; the text of a statement seldom fills one.
    private static let chunkSize = 1 << 16
    private var chunks: [UnsafeMutableRawBufferPointer] = []
    /// The chunk written to, and its bytes in use.
    private var current = 0
    private var used = 0

    deinit {
        for chunk in chunks { chunk.deallocate() }
    }

    /// Forgets the text kept, whose memory the next values reuse.
    func removeAll() {
        current = 0
        used = 0
    }

    /// A copy of `bytes`, valid until `removeAll()`; never a null address, even when empty.
    func keep(_ bytes: UnsafeRawBufferPointer) -> UnsafePointer<CChar> {
        while current < chunks.count, chunks[current].count - used < bytes.count {
            current += 1
            used = 0
        }
        if current == chunks.count {
            chunks.append(.allocate(byteCount: max(Self.chunkSize, bytes.count), alignment: 1))
        }
        let start = chunks[current].baseAddress! + used
        if let source = bytes.baseAddress { start.copyMemory(from: source, byteCount: bytes.count) }
        used += bytes.count
        return UnsafePointer(start.assumingMemoryBound(to: CChar.self))
    }
}
