import Foundation

/// Reads the team's configuration file, `kizuna.yaml` (see docs/configuration.md).
public enum ConfigurationLoader {
    static let keys = ["kizuna", "timezone", "playbooks", "customers", "state_directory", "horizon", "calendar", "import", "calendar_export"]
        + DeliverySettingsReader.keys
    /// Where the store lives when the file names no `state_directory` (systemd's StateDirectory).
    public static let defaultStateDirectory = "/var/lib/kizuna"

    /// Reads the configuration at `path`; relative paths in it are resolved against its folder,
    /// and the holiday files it names are read.
    ///
    /// - Throws: every problem of the file (and of its holiday files), in file order.
    public static func load(path: String) throws(DiagnosticList) -> Configuration {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw DiagnosticList([Diagnostic("cannot read the configuration `\(path)`: \(error.localizedDescription)")])
        }
        let root = try YAMLDocument.root(file: path, text: text)
        let diagnostics = DiagnosticCollector()
        let reader = ConfigurationReader(yaml: YAMLReader(diagnostics: diagnostics), folder: (path as NSString).deletingLastPathComponent)
        guard let configuration = reader.read(root), diagnostics.isEmpty else { throw DiagnosticList(diagnostics.sorted) }
        return configuration
    }
}

/// Reads the root mapping of `kizuna.yaml`.
struct ConfigurationReader {
    let yaml: YAMLReader
    /// The configuration file's folder, against which relative paths are resolved.
    let folder: String

    private var diagnostics: DiagnosticCollector { yaml.diagnostics }

    func read(_ root: YAMLNode) -> Configuration? {
        guard let map = yaml.mapping(root, expected: "a configuration (a mapping such as `kizuna: 1`)", context: "the configuration",
                                     allowed: ConfigurationLoader.keys)
        else { return nil }
        let versionNode = map.required("kizuna", "the configuration schema version `1`", diagnostics: diagnostics)
        if let versionNode, let version = yaml.scalar(versionNode, expected: "the configuration schema version `1`"), version.text != "1" {
            diagnostics.report("unsupported configuration schema version `\(version.text)`", at: version.location,
                               hint: "this version of Kizuna reads `kizuna: 1`")
        }
        let zone = map.required("timezone", "the team's IANA time zone, such as `Europe/London`", diagnostics: diagnostics)
            .flatMap { yaml.scalar($0, expected: "an IANA time zone") }.flatMap { yaml.zone($0) }
        let playbooks = map["playbooks"].flatMap { path($0, "the playbook folder") } ?? resolve("playbooks")
        let customers = map["customers"].flatMap { path($0, "the customers file (JSON lines)") }
        let state = map["state_directory"].flatMap { path($0, "the state folder") } ?? ConfigurationLoader.defaultStateDirectory
        let horizon = map["horizon"].flatMap { yaml.parse($0, expected: "a span such as `14 days`", CadenceParser.parseSpan) }
        if let horizon, horizon.amount <= 0, let node = map["horizon"] {
            diagnostics.report("the horizon must be a positive span, found `\(horizon)`", at: node.location)
        }
        let calendar = map["calendar"].flatMap { CalendarReader(yaml: yaml, folder: folder).read($0) }
        let importColumns = map["import"].map { ImportSectionReader(yaml: yaml).read($0) }
        let delivery = DeliverySettingsReader(yaml: yaml).read(map)
        let calendarExport = map["calendar_export"].flatMap { CalendarExportReader(configuration: self).read($0) }
        guard let zone else { return nil }
        var configuration = Configuration(
            file: root.file, zone: zone, playbooksDirectory: playbooks, customersFile: customers,
            stateDirectory: state, calendar: calendar ?? .standard, horizon: horizon ?? CalendarSpan(14, .day),
            importColumns: importColumns ?? ImportColumns(), calendarExport: calendarExport)
        configuration.delivery = delivery
        return configuration
    }

    private func path(_ node: YAMLNode, _ what: String) -> String? {
        yaml.scalar(node, expected: what).map { resolve($0.text) }
    }

    func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: folder, isDirectory: true)).standardizedFileURL.path
    }
}
