/// Reads the `calendar_export` section of `kizuna.yaml` (`{directory: calendars, days: 30}`).
struct CalendarExportReader {
    static let keys = ["directory", "days"]

    let configuration: ConfigurationReader

    private var yaml: YAMLReader { configuration.yaml }

    func read(_ node: YAMLNode) -> CalendarExportSettings? {
        guard let map = yaml.mapping(node, expected: "the calendar export settings (a mapping with `directory`, `days`)",
                                     context: "the calendar export settings", allowed: Self.keys),
            let directoryNode = map.required("directory", "the folder of the owners' calendar files", diagnostics: yaml.diagnostics)
        else { return nil }
        let directory = yaml.scalar(directoryNode, expected: "the folder of the owners' calendar files").map { configuration.resolve($0.text) }
        var days = CalendarExportSettings.defaultDays
        if let node = map["days"] {
            guard let value = yaml.integer(node, expected: "a number of days from 0 to 3660", in: 0...3660) else { return nil }
            days = value
        }
        return directory.map { CalendarExportSettings(directory: $0, days: days) }
    }
}
