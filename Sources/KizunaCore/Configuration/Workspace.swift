/// What planning works on: the team's configuration and its playbooks, loaded and checked.
/// `kizuna` and `kizunad` load it the same way, so they always plan alike.
public struct Workspace: Sendable {
    public var configuration: Configuration
    public var playbooks: [Playbook]

    public init(configuration: Configuration, playbooks: [Playbook]) {
        self.configuration = configuration
        self.playbooks = playbooks
    }

    /// Reads the configuration at `configPath` and the playbooks of its folder, or of
    /// `playbooksDirectory` when given.
    ///
    /// - Throws: every problem found in the configuration, else in any playbook, each with
    ///   its file, line and column.
    public static func load(configPath: String, playbooksDirectory: String? = nil) throws(DiagnosticList) -> Workspace {
        let configuration = try ConfigurationLoader.load(path: configPath)
        let (playbooks, problems) = PlaybookLoader.load(paths: [playbooksDirectory ?? configuration.playbooksDirectory])
        guard problems.isEmpty else { throw DiagnosticList(problems) }
        return Workspace(configuration: configuration, playbooks: playbooks)
    }

    public var planner: Planner {
        Planner(playbooks: playbooks, teamZone: configuration.zone, calendar: configuration.calendar)
    }
}
