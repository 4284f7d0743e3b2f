/// One record of an import file, as field name → text, with where each field sits.
public struct ImportRow: Sendable {
    /// The row number people see: the line of a JSON-lines file, the record of a CSV file
    /// counting the header as row 1.
    public var number: Int
    public var fields: ImportFields
    /// The 1-based column of each field in a CSV file (the same for every row of a file);
    /// empty for JSON lines.
    public var columns: [String: Int]
    /// Problems found while reading the row (invalid UTF-8, a field too long, not an object).
    public var problems: [Diagnostic]
    public var file: String

    /// Where `field` sits: its row and column (1 for JSON lines).
    public func location(_ field: String) -> SourceLocation {
        SourceLocation(file: file, line: number, column: columns.isEmpty ? 1 : columns[field] ?? 1)
    }
}
