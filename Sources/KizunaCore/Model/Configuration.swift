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

    public init(
        file: String, zone: Zone, playbooksDirectory: String, customersFile: String? = nil, stateDirectory: String,
        calendar: BusinessCalendar, horizon: CalendarSpan = CalendarSpan(14, .day)
    ) {
        self.file = file
        self.zone = zone
        self.playbooksDirectory = playbooksDirectory
        self.customersFile = customersFile
        self.stateDirectory = stateDirectory
        self.calendar = calendar
        self.horizon = horizon
    }

    /// `/etc/kizuna/kizuna.yaml`, unless `KIZUNA_CONFIG` names another file.
    public static func defaultPath(environment: [String: String]) -> String {
        environment["KIZUNA_CONFIG"] ?? "/etc/kizuna/kizuna.yaml"
    }
}
