/// The `calendar_export` section of `kizuna.yaml`: where the daemon keeps one iCalendar file
/// per owner with the owner's pending tasks, and how many days ahead they reach.
public struct CalendarExportSettings: Hashable, Sendable {
    /// How many days after today the files reach when the section does not say.
    public static let defaultDays = 30

    /// The folder of the `<owner>.ics` files, resolved against the configuration's folder.
    public var directory: String
    public var days: Int

    public init(directory: String, days: Int = CalendarExportSettings.defaultDays) {
        self.directory = directory
        self.days = days
    }
}
