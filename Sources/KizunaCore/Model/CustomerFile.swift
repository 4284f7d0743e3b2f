import Foundation

/// Reads customers from a JSON-lines file: one JSON object per line, keys as in
/// `CustomerRecord.knownFields` plus any custom field.
public enum CustomerFile {
    /// All customers of the file, or every problem found in it (with line numbers) and none of them.
    public static func load(path: String, record: CustomerRecord) throws(DiagnosticList) -> [Customer] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw DiagnosticList([Diagnostic("cannot read customers file `\(path)`: \(error.localizedDescription)")])
        }
        return try parse(data, file: path, record: record)
    }

    /// Parses JSON lines; blank lines are skipped, duplicate ids are errors.
    public static func parse(_ data: Data, file: String, record: CustomerRecord) throws(DiagnosticList) -> [Customer] {
        var customers: [Customer] = []
        var problems: [Diagnostic] = []
        var firstLineOfID: [String: Int] = [:]
        for (index, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            let here = SourceLocation(file: file, line: lineNumber, column: 1)
            guard line.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\r") }) else { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                problems.append(Diagnostic("expected a JSON object on this line", at: here))
                continue
            }
            var row: [String: String] = [:]
            for (key, value) in object {
                switch value {
                case let text as String: row[key] = text
                case let number as NSNumber: row[key] = number.stringValue
                case is NSNull: continue
                default: problems.append(Diagnostic("field `\(key)`: expected a string or a number", at: here))
                }
            }
            do {
                let customer = try record.customer(from: row) { _ in here }
                if let first = firstLineOfID[customer.id] {
                    problems.append(Diagnostic("duplicate customer id `\(customer.id)` (first on line \(first))", at: here))
                } else {
                    firstLineOfID[customer.id] = lineNumber
                    customers.append(customer)
                }
            } catch {
                problems += error.diagnostics
            }
        }
        guard problems.isEmpty else { throw DiagnosticList(problems) }
        return customers
    }
}
