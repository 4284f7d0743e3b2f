import CSV
import Foundation

/// Reads the records of a customer or signal file: CSV with a header row (as CRMs export
/// it), or JSON lines. Reading never fails as a whole: a record that cannot be read carries
/// its problems, so the caller can report every bad row and skip them if asked.
public struct ImportReader: Sendable {
    /// The formats of an import file.
    public enum Format: String, Sendable {
        case csv
        case jsonLines = "jsonl"

        /// `.csv` files are CSV; anything else is read as JSON lines.
        public init(path: String) {
            self = path.lowercased().hasSuffix(".csv") ? .csv : .jsonLines
        }
    }

    /// The longest field accepted, in UTF-8 bytes.
    public static let maximumFieldLength = 64 * 1024

    public var format: Format
    /// CSV header (or JSON key) → field name, for files whose names differ from Kizuna's.
    public var columnMap: [String: String]

    public init(format: Format, columnMap: [String: String] = [:]) {
        self.format = format
        self.columnMap = columnMap
    }

    /// The records of `data`, read from `file`.
    public func rows(_ data: Data, file: String) -> [ImportRow] {
        var all = chunks(data, file: file)
        return all.next(upTo: .max) ?? []
    }

    /// The records of `data`, read from `file` a chunk at a time, each chunk's rows on `parts`
    /// threads. A CSV file is read whole first (its records may span lines); a JSON-lines file
    /// is split into lines, and each chunk's lines read when it is asked for.
    public func chunks(_ data: Data, file: String, parts: Int = 2) -> ImportChunks {
        guard format == .jsonLines else {
            let rows = csvRows(data, file: file)
            return ImportChunks(total: rows.count) { range in Array(rows[range]) }
        }
        // Split as an array of bytes: indexing `Data` byte by byte costs several times more.
        let split = [UInt8](data).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        // Nothing follows the file's last newline.
        let lines = split.last?.isEmpty == true ? split.dropLast() : split[...]
        return ImportChunks(total: lines.count) { range in
            // Lines are independent: they are read on `parts` cores, and keep their order.
            Array(range).parallelMap(parts: parts) { index in jsonRow(lines[index], number: index + 1, file: file) }
                .compactMap { $0 }
        }
    }

    private func csvRows(_ data: Data, file: String) -> [ImportRow] {
        // Invalid UTF-8 becomes U+FFFD here and is reported on the row that holds it.
        let text = String(decoding: data, as: UTF8.self)
        guard let reader = try? CSVReader(string: text, hasHeaderRow: true), let header = reader.headerRow else {
            return [ImportRow(number: 1, fields: [:], columns: [:], problems: [Diagnostic("expected a header row naming the columns", at: SourceLocation(file: file, line: 1, column: 1))], file: file)]
        }
        let names = header.map { column in
            let trimmed = column.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\u{FEFF}"))
            return columnMap[trimmed] ?? trimmed
        }
        var columns: [String: Int] = [:]
        for (index, name) in names.enumerated() where !name.isEmpty { columns[name] = index + 1 }
        // A name given to two columns keeps the last one's value, as in a dictionary.
        let uniqueNames = columns.count == names.count(where: { !$0.isEmpty })
        var rows: [ImportRow] = []
        var number = 1
        while let record = reader.next() {
            number += 1
            if record.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            var row = ImportRow(number: number, fields: [:], columns: columns, problems: [], file: file)
            if record.count > names.count {
                row.problems.append(
                    Diagnostic(
                        "expected at most \(names.count) columns, found \(record.count)",
                        at: SourceLocation(file: file, line: number, column: names.count + 1)))
            }
            for (name, value) in zip(names, record) where !name.isEmpty {
                let value = checked(value, field: name, in: &row)
                row.fields.set(name, to: value, new: uniqueNames)
            }
            rows.append(row)
        }
        return rows
    }

    /// The record of one JSON line, `nil` for a blank line.
    private func jsonRow(_ line: ArraySlice<UInt8>, number: Int, file: String) -> ImportRow? {
        guard line.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\t") }) else { return nil }
        var row = ImportRow(number: number, fields: [:], columns: [:], problems: [], file: file)
        let here = SourceLocation(file: file, line: row.number, column: 1)
        // An ASCII line is valid UTF-8 without making a string of it to find out.
        if !line.allSatisfy({ $0 < 0x80 }), String(validating: line, as: UTF8.self) == nil {
            row.problems.append(Diagnostic("the line is not valid UTF-8", at: here, hint: "save the file as UTF-8"))
        } else if let fields = JSONLine.fields(line) {
            // The keys of a line are distinct, but two may map to one field: the last one wins.
            let plain = columnMap.isEmpty
            for (key, value) in fields {
                let name = plain ? key : columnMap[key] ?? key
                switch value {
                case .text(let text):
                    let text = checked(text, field: name, in: &row)
                    row.fields.set(name, to: text, new: plain)
                case .number(let number): row.fields.set(name, to: number, new: plain)
                case .null: continue
                case .other: row.problems.append(Diagnostic("field `\(name)`: expected a string or a number", at: here))
                }
            }
        } else {
            row.problems.append(Diagnostic("expected a JSON object on this line", at: here))
        }
        return row
    }

    /// The value, or `nil` with a problem recorded when it is too long or not valid UTF-8.
    private func checked(_ value: String, field: String, in row: inout ImportRow) -> String? {
        if value.utf8.count > Self.maximumFieldLength {
            row.problems.append(
                Diagnostic("field `\(field)`: longer than \(Self.maximumFieldLength / 1024) KiB (\(value.utf8.count) bytes)", at: row.location(field)))
            return nil
        }
        // U+FFFD is encoded EF BF BD: text without the byte 0xEF has none.
        if value.utf8.contains(0xEF), value.unicodeScalars.contains("\u{FFFD}") {
            row.problems.append(Diagnostic("field `\(field)`: not valid UTF-8", at: row.location(field), hint: "save the file as UTF-8"))
            return nil
        }
        return value
    }
}

/// The rows of an import file, a chunk at a time (`ImportReader.chunks`).
public struct ImportChunks {
    /// The rows or lines of the file.
    public let total: Int
    /// The rows or lines read so far.
    public private(set) var done = 0
    /// The rows of the rows or lines at these positions (from 0).
    private let read: (Range<Int>) -> [ImportRow]

    init(total: Int, read: @escaping (Range<Int>) -> [ImportRow]) {
        self.total = total
        self.read = read
    }

    /// The rows of the next `count` rows or lines (fewer when some lines are blank), `nil`
    /// after the last.
    public mutating func next(upTo count: Int) -> [ImportRow]? {
        guard done < total else { return nil }
        let end = done + min(count, total - done)
        defer { done = end }
        return read(done..<end)
    }
}
