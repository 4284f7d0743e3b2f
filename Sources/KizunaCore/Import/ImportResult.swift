import Foundation

/// What an import file holds: the records that were read, and the rows that were not, each
/// with every problem found in it.
public struct ImportResult<Record: Sendable>: Sendable {
    public private(set) var records: [Record] = []
    /// The row number of each record.
    public private(set) var rows: [Int] = []
    public private(set) var rejected: [RejectedRow] = []

    /// Replaces each record with `transform`'s version of it.
    public mutating func map(_ transform: (Record) -> Record) {
        records = records.map(transform)
    }

    /// Moves the records `problem` finds fault with (it says why) to the rejected rows.
    public mutating func reject(file: String, _ problem: (Record) -> String?) {
        var kept = ImportResult()
        kept.rejected = rejected
        for (record, row) in zip(records, rows) {
            if let message = problem(record) {
                kept.rejected.append(RejectedRow(number: row, problems: [Diagnostic(message, at: SourceLocation(file: file, line: row, column: 1))]))
            } else {
                kept.records.append(record)
                kept.rows.append(row)
            }
        }
        kept.rejected.sort { $0.number < $1.number }
        self = kept
    }

    /// Every problem of every rejected row, in row order.
    public var problems: [Diagnostic] { rejected.flatMap(\.problems) }

    /// Adds the records and rejected rows of the rows that follow this result's.
    mutating func append(_ later: ImportResult) {
        records += later.records
        rows += later.rows
        rejected += later.rejected
    }

    /// Reads every row of `file` with `record`, rejecting rows with problems and rows whose
    /// `key` repeats an earlier row's. The file is read `rowsPerChunk` rows at a time, each
    /// chunk's records made on `parts` threads; `chunk` gets each chunk's result as soon as
    /// it is read (so that it can be written while the next is read), and `progress` hears
    /// of every chunk. Returns the whole file's result.
    public static func reading(
        file path: String, reader: ImportReader, key: (Record) -> String,
        record: @Sendable (ImportRow) throws(DiagnosticList) -> Record,
        parts: Int = 2, rowsPerChunk: Int = 2_000,
        progress: (_ done: Int, _ total: Int) -> Void,
        chunk: (ImportResult) -> Void = { _ in }
    ) throws(DiagnosticList) -> ImportResult {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw DiagnosticList([Diagnostic("cannot read `\(path)`: \(error.localizedDescription)")])
        }
        var result = ImportResult()
        var firstRowOfKey: [String: Int] = [:]
        var chunks = reader.chunks(data, file: path, parts: parts)
        progress(0, chunks.total)
        while let rows = chunks.next(upTo: rowsPerChunk) {
            // Each row's record depends on the row alone: they are made on `parts` cores, and
            // repeated keys are then found in row order.
            let records = rows.parallelMap(parts: parts) { row in
                Result { () throws(DiagnosticList) in
                    guard row.problems.isEmpty else { throw DiagnosticList(row.problems) }
                    return try record(row)
                }
            }
            let read = sorted(rows, records: records, key: key, firstRowOfKey: &firstRowOfKey)
            chunk(read)
            result.append(read)
            progress(chunks.done, chunks.total)
        }
        return result
    }

    /// The records of `rows` (made from them, in order) and their rejected rows: those whose
    /// record could not be made, and those whose `key` repeats an earlier row's, whether of
    /// these rows or of those before (`firstRowOfKey`, which gets the keys of these rows).
    static func sorted(
        _ rows: [ImportRow], records: [Result<Record, DiagnosticList>], key: (Record) -> String, firstRowOfKey: inout [String: Int]
    ) -> ImportResult {
        var result = ImportResult()
        for (row, made) in zip(rows, records) {
            do throws(DiagnosticList) {
                let value = try made.get()
                let key = key(value)
                if let first = firstRowOfKey[key] {
                    throw DiagnosticList([Diagnostic("duplicate of row \(first) (`\(key)`)", at: row.location("id"))])
                }
                firstRowOfKey[key] = row.number
                result.records.append(value)
                result.rows.append(row.number)
            } catch {
                result.rejected.append(RejectedRow(number: row.number, problems: error.diagnostics))
            }
        }
        return result
    }
}

/// A row of an import file that was not imported, and why.
public struct RejectedRow: Sendable {
    public var number: Int
    public var problems: [Diagnostic]
}

extension CustomerRecord {
    /// The customers of a CSV or JSON-lines file, keyed by id.
    /// `parts`, `progress` and `chunk` as in `ImportResult.reading`.
    public func read(
        file: String, reader: ImportReader, parts: Int = 2, progress: (_ done: Int, _ total: Int) -> Void = { _, _ in },
        chunk: (ImportResult<Customer>) -> Void = { _ in }
    ) throws(DiagnosticList) -> ImportResult<Customer> {
        try ImportResult.reading(
            file: file, reader: reader, key: \.id, record: { row throws(DiagnosticList) in try customer(from: row.fields, location: row.location) },
            parts: parts, progress: progress, chunk: chunk)
    }
}
