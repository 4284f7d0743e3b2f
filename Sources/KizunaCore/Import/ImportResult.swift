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

    /// Reads every row of `file` with `record`, rejecting rows with problems and rows whose
    /// `key` repeats an earlier row's; `progress` hears of every thousandth row.
    public static func reading(
        file path: String, reader: ImportReader, key: (Record) -> String,
        record: @Sendable (ImportRow) throws(DiagnosticList) -> Record,
        progress: (_ done: Int, _ total: Int) -> Void
    ) throws(DiagnosticList) -> ImportResult {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw DiagnosticList([Diagnostic("cannot read `\(path)`: \(error.localizedDescription)")])
        }
        var result = ImportResult()
        var firstRowOfKey: [String: Int] = [:]
        let rows = reader.rows(data, file: path)
        // Each row's record depends on the row alone: they are made on two cores, and repeated
        // keys are then found in row order.
        let records = rows.parallelMap { row in
            Result { () throws(DiagnosticList) in
                guard row.problems.isEmpty else { throw DiagnosticList(row.problems) }
                return try record(row)
            }
        }
        for (index, (row, made)) in zip(rows, records).enumerated() {
            if index % 1_000 == 0 { progress(index, rows.count) }
            do throws(DiagnosticList) {
                let value = try made.get()
                if let first = firstRowOfKey[key(value)] {
                    throw DiagnosticList([
                        Diagnostic("duplicate of row \(first) (`\(key(value))`)", at: row.location("id"))
                    ])
                }
                firstRowOfKey[key(value)] = row.number
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
    public func read(file: String, reader: ImportReader, progress: (_ done: Int, _ total: Int) -> Void = { _, _ in })
        throws(DiagnosticList) -> ImportResult<Customer>
    {
        try ImportResult.reading(
            file: file, reader: reader, key: \.id, record: { row throws(DiagnosticList) in try customer(from: row.fields, location: row.location) },
            progress: progress)
    }
}
