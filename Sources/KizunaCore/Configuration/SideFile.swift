import Foundation

/// The optional YAML files that sit beside `kizuna.yaml` (`health.yaml`, `lifecycle.yaml`):
/// found by name in the configuration's folder, read with the same diagnostics as it.
enum SideFile {
    /// The path of `name` in the folder of the configuration file `configuration`.
    static func path(_ name: String, beside configuration: String) -> String {
        let folder = (configuration as NSString).deletingLastPathComponent
        return folder.isEmpty ? name : folder + "/" + name
    }

    /// Reads the file at `path` as a mapping with the `allowed` keys and schema `kizuna: 1`,
    /// and hands it to `body`; `nil` when there is no such file.
    ///
    /// - Throws: every problem found, by the YAML parser, the key check or `body`, in file order.
    static func read<T>(
        path: String, context: String, allowed: [String], _ body: (YAMLMapping, YAMLReader) -> T?
    ) throws(DiagnosticList) -> T? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw DiagnosticList([Diagnostic("cannot read `\(path)`: \(error.localizedDescription)")])
        }
        let root = try YAMLDocument.root(file: path, text: text)
        let yaml = YAMLReader(diagnostics: DiagnosticCollector())
        let value = yaml.mapping(root, expected: "\(context) (a mapping such as `kizuna: 1`)", context: context, allowed: allowed)
            .flatMap { map -> T? in
                if let node = map.required("kizuna", "the schema version `1`", diagnostics: yaml.diagnostics),
                    let version = yaml.scalar(node, expected: "the schema version `1`"), version.text != "1"
                {
                    yaml.diagnostics.report(
                        "unsupported schema version `\(version.text)`", at: version.location, hint: "this version of Kizuna reads `kizuna: 1`")
                }
                return body(map, yaml)
            }
        guard let value, yaml.diagnostics.isEmpty else { throw DiagnosticList(yaml.diagnostics.sorted) }
        return value
    }
}

extension YAMLReader {
    /// A number (`40`, `2.5`, `-3`).
    func number(_ node: YAMLNode, expected: String) -> Double? {
        guard let scalar = scalar(node, expected: expected) else { return nil }
        guard let value = Double(scalar.text), value.isFinite else {
            diagnostics.report("expected \(expected), found `\(scalar.text)`", at: scalar.location)
            return nil
        }
        return value
    }
}
