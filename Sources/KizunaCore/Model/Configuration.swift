/// The team's configuration (`kizuna.yaml`): where things are, and the team's calendar.
public struct Configuration: Hashable, Sendable {
    /// The file the configuration was read from; relative paths in it are resolved against its folder.
    public var file: String
    /// The team's zone, for plays and people without their own.
    public var zone: Zone
    /// The folder of playbook files.
    public var playbooksDirectory: String
    /// The customers file `kizuna import customers` reads when it is given none.
    public var customersFile: String?
    /// Where the store and the daemon's state live.
    public var stateDirectory: String
    public var calendar: BusinessCalendar
    /// How far ahead tasks materialize.
    public var horizon: CalendarSpan
    /// How the columns of import files map to Kizuna's fields (`import:`); `--map` replaces them.
    public var importColumns: ImportColumns
    /// Channels, people and the digest: how reminders reach people.
    public var delivery = DeliverySettings()
    /// Where the daemon keeps each owner's calendar file (`calendar_export:`), if anywhere.
    public var calendarExport: CalendarExportSettings?

    public init(
        file: String, zone: Zone, playbooksDirectory: String, customersFile: String? = nil, stateDirectory: String,
        calendar: BusinessCalendar, horizon: CalendarSpan = CalendarSpan(14, .day), importColumns: ImportColumns = ImportColumns(),
        calendarExport: CalendarExportSettings? = nil
    ) {
        self.file = file
        self.zone = zone
        self.playbooksDirectory = playbooksDirectory
        self.customersFile = customersFile
        self.stateDirectory = stateDirectory
        self.calendar = calendar
        self.horizon = horizon
        self.importColumns = importColumns
        self.calendarExport = calendarExport
    }

    /// `/etc/kizuna/kizuna.yaml`, unless `KIZUNA_CONFIG` names another file.
    public static func defaultPath(environment: [String: String]) -> String {
        environment["KIZUNA_CONFIG"] ?? "/etc/kizuna/kizuna.yaml"
    }
}

/// The column names of a team's import files that differ from Kizuna's field names: for
/// each kind of file, column → field.
public struct ImportColumns: Hashable, Sendable {
    /// For `kizuna import customers`: targets are `CustomerRecord.knownFields`.
    public var customers: [String: String]
    /// For `kizuna import signals`: targets are `SignalRecord.fields`.
    public var signals: [String: String]

    public init(customers: [String: String] = [:], signals: [String: String] = [:]) {
        self.customers = customers
        self.signals = signals
    }
}
