/// Reads the `import` section of `kizuna.yaml`: for each kind of import file, the columns
/// whose names differ from Kizuna's fields (`customers: {columns: {"Account ID": id}}`).
struct ImportSectionReader {
    static let keys = ["customers", "signals"]

    let yaml: YAMLReader

    private var diagnostics: DiagnosticCollector { yaml.diagnostics }

    func read(_ node: YAMLNode) -> ImportColumns {
        guard let map = yaml.mapping(node, expected: "the import settings (a mapping with `customers`, `signals`)",
                                     context: "the import settings", allowed: Self.keys)
        else { return ImportColumns() }
        return ImportColumns(
            customers: map["customers"].map { columns($0, of: "customers", fields: CustomerRecord.knownFields) } ?? [:],
            signals: map["signals"].map { columns($0, of: "signals", fields: SignalRecord.fields) } ?? [:])
    }

    /// The `columns` of one kind of file (`kind`), each mapped to one of `fields`.
    private func columns(_ node: YAMLNode, of kind: String, fields: [String]) -> [String: String] {
        guard let settings = yaml.mapping(node, expected: "the \(kind) file's settings (a mapping with `columns`)",
                                          context: "the \(kind) import settings", allowed: ["columns"]),
            let columns = settings["columns"]
        else { return [:] }
        guard let pairs = columns.pairs else {
            yaml.mismatch(columns, expected: "a mapping of the file's column names to fields, such as `\"Account ID\": id`")
            return [:]
        }
        var map: [String: String] = [:]
        for (key, value) in pairs {
            guard let column = key.scalar?.text, !column.isEmpty else {
                yaml.mismatch(key, expected: "a column name")
                continue
            }
            if let field = field(value, of: kind, among: fields) { map[column] = field }
        }
        return map
    }

    /// The field a column maps to, or `nil` after reporting that it is not one of `fields`.
    private func field(_ node: YAMLNode, of kind: String, among fields: [String]) -> String? {
        guard let scalar = yaml.scalar(node, expected: "a field name such as `\(fields[0])`") else { return nil }
        guard fields.contains(scalar.text) else {
            diagnostics.report(
                "unknown \(kind) field `\(scalar.text)`", at: scalar.location,
                hint: didYouMean(scalar.text, among: fields) ?? "expected one of \(fields.joined(separator: ", "))")
            return nil
        }
        return scalar.text
    }
}
