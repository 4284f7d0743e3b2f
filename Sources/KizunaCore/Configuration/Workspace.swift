/// What planning works on: the team's configuration, its playbooks, and the health model and
/// lifecycle beside the configuration, loaded and checked. `kizuna` and `kizunad` load it the
/// same way, so they always plan alike.
public struct Workspace: Sendable {
    public var configuration: Configuration
    public var playbooks: [Playbook]
    /// `health.yaml`, when the team keeps one.
    public var health: HealthModel?
    /// `lifecycle.yaml`, else the standard stages.
    public var lifecycle: Lifecycle

    public init(configuration: Configuration, playbooks: [Playbook], health: HealthModel? = nil, lifecycle: Lifecycle = .standard) {
        self.configuration = configuration
        self.playbooks = playbooks
        self.health = health
        self.lifecycle = lifecycle
    }

    /// Reads the configuration at `configPath`, the health model and lifecycle beside it, and
    /// the playbooks of its folder, or of `playbooksDirectory` when given.
    ///
    /// - Throws: every problem found in the configuration, else in the models and any
    ///   playbook (a condition's unknown metric or playbook included), each with its file,
    ///   line and column.
    public static func load(configPath: String, playbooksDirectory: String? = nil) throws(DiagnosticList) -> Workspace {
        let configuration = try ConfigurationLoader.load(path: configPath)
        let (health, lifecycle) = try loadModels(beside: configuration)
        let (playbooks, problems) = PlaybookLoader.load(
            paths: [playbooksDirectory ?? configuration.playbooksDirectory], stages: lifecycle.stages)
        let unknown = referenceProblems(playbooks: playbooks, lifecycle: lifecycle, health: health)
        guard problems.isEmpty, unknown.isEmpty else { throw DiagnosticList(problems + unknown) }
        return Workspace(configuration: configuration, playbooks: playbooks, health: health, lifecycle: lifecycle)
    }

    /// `health.yaml` and `lifecycle.yaml` beside the configuration file.
    ///
    /// - Throws: every problem of both files.
    public static func loadModels(beside configuration: Configuration) throws(DiagnosticList) -> (HealthModel?, Lifecycle) {
        var problems: [Diagnostic] = []
        var health: HealthModel?
        var lifecycle = Lifecycle.standard
        do { health = try HealthModelLoader.load(beside: configuration.file) } catch { problems += error.diagnostics }
        do { lifecycle = try LifecycleLoader.load(beside: configuration.file) } catch { problems += error.diagnostics }
        guard problems.isEmpty else { throw DiagnosticList(problems) }
        return (health, lifecycle)
    }

    public var planner: Planner {
        Planner(playbooks: playbooks, teamZone: configuration.zone, calendar: configuration.calendar)
    }
}
