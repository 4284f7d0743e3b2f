import Foundation

/// Reads playbook files (version 1 of the playbook language, see docs/playbooks.md).
public enum PlaybookLoader {
    /// The lifecycle stages a play may apply to when no lifecycle file declares others.
    public static let defaultStages = ["onboarding", "adoption", "mature", "churned"]

    /// Reads one playbook.
    ///
    /// - Parameters:
    ///   - file: the name diagnostics give the file.
    ///   - stages: the lifecycle stages `applies.stage` may name.
    /// - Throws: every problem of the file, in file order.
    public static func load(file: String, text: String, stages: [String] = defaultStages) throws(DiagnosticList) -> Playbook {
        try located(file: file, text: text, stages: stages).playbook
    }

    /// Reads playbook files: each path is a file, or a folder whose `*.yaml` and `*.yml`
    /// files are read in name order. A file with problems is left out and its problems
    /// reported; so are unreadable files and a playbook id already used by an earlier file.
    public static func load(paths: [String], stages: [String] = defaultStages)
        -> (playbooks: [Playbook], diagnostics: [Diagnostic])
    {
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
                files.append(path)
                continue
            }
            do {
                files += try FileManager.default.contentsOfDirectory(atPath: path)
                    .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
                    .sorted()
                    .map { (path as NSString).appendingPathComponent($0) }
            } catch {
                diagnostics.append(Diagnostic("cannot read the playbook folder `\(path)`: \(error.localizedDescription)"))
            }
        }
        var playbooks: [Playbook] = []
        var ids: [String: SourceLocation] = [:]
        for file in files {
            do {
                let text = try String(contentsOfFile: file, encoding: .utf8)
                let (playbook, idLocation) = try located(file: file, text: text, stages: stages)
                if let first = ids[playbook.id] {
                    diagnostics.append(Diagnostic("duplicate playbook id `\(playbook.id)`", at: idLocation, hint: "also used in \(first)"))
                    continue
                }
                ids[playbook.id] = idLocation
                playbooks.append(playbook)
            } catch let list as DiagnosticList {
                diagnostics += list.diagnostics
            } catch {
                diagnostics.append(
                    Diagnostic("cannot read the file as UTF-8 text: \(error.localizedDescription)", at: SourceLocation(file: file, line: 1, column: 1)))
            }
        }
        return (playbooks, diagnostics)
    }

    private static func located(file: String, text: String, stages: [String]) throws(DiagnosticList)
        -> (playbook: Playbook, idLocation: SourceLocation)
    {
        let root = try YAMLDocument.root(file: file, text: text)
        let diagnostics = DiagnosticCollector()
        let result = PlaybookReader(yaml: YAMLReader(diagnostics: diagnostics), stages: stages).read(root)
        guard let result, diagnostics.isEmpty else { throw DiagnosticList(diagnostics.sorted) }
        return result
    }
}
