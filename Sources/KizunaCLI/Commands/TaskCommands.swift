import ArgumentParser
import KizunaCore
import KizunaStore

/// The id argument of the task commands.
struct TaskIDArgument: ParsableArguments {
    @Argument(help: ArgumentHelp("The task id, or an unambiguous prefix of it (at least 4 digits).", valueName: "id"))
    var id: String
}

/// `kizuna done ID [--note TEXT]`.
struct DoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "done", abstract: "Mark a task done, with an optional note.")

    @OptionGroup var config: ConfigOption
    @OptionGroup var task: TaskIDArgument

    @Option(help: ArgumentHelp("What came of it.", valueName: "text"))
    var note: String?

    func run() throws {
        let action = try TaskAction(config, prefix: task.id)
        try action.perform("done") { store throws(StoreError) in
            try store.complete(action.task.id, note: note, at: action.now, actor: action.actor)
        }
    }
}

/// `kizuna skip ID --reason TEXT`.
struct SkipCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "skip", abstract: "Skip a task: it will not be done, for a reason.")

    @OptionGroup var config: ConfigOption
    @OptionGroup var task: TaskIDArgument

    @Option(help: ArgumentHelp("Why it will not be done.", valueName: "text"))
    var reason: String

    func run() throws {
        let action = try TaskAction(config, prefix: task.id)
        try action.perform("skipped") { store throws(StoreError) in
            try store.skip(action.task.id, reason: reason, at: action.now, actor: action.actor)
        }
    }
}

/// `kizuna snooze ID --until WHEN [--reason TEXT]`.
struct SnoozeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snooze", abstract: "Put a task off until later; planning again keeps the snooze.",
        discussion: WhenHelp.forms)

    @OptionGroup var config: ConfigOption
    @OptionGroup var task: TaskIDArgument

    @Option(help: ArgumentHelp("Until when (2026-12-01, 14:00, +3d, next monday).", valueName: "when"))
    var until: String

    @Option(help: ArgumentHelp("Why.", valueName: "text"))
    var reason: String?

    func run() throws {
        let action = try TaskAction(config, prefix: task.id)
        let end = try action.instant(until, option: "--until")
        try action.perform("snoozed", details: "until \(TimeFormat.dayAndTime(end, in: action.configuration.zone))") {
            store throws(StoreError) in
            try store.snooze(action.task.id, until: end, reason: reason, at: action.now, actor: action.actor)
        }
    }
}

/// `kizuna assign ID OWNER [--note TEXT]`.
struct AssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign", abstract: "Give a task to someone else; planning again keeps the reassignment.")

    @OptionGroup var config: ConfigOption
    @OptionGroup var task: TaskIDArgument

    @Argument(help: ArgumentHelp("The new owner.", valueName: "owner"))
    var owner: String

    @Option(help: ArgumentHelp("Why.", valueName: "text"))
    var note: String?

    func run() throws {
        let action = try TaskAction(config, prefix: task.id)
        try action.perform("assigned to \(owner)") { store throws(StoreError) in
            try store.assign(action.task.id, to: owner, note: note, at: action.now, actor: action.actor)
        }
    }
}

/// The forms `--until` and `--at` accept, for `--help`.
enum WhenHelp {
    static let forms = """
        WHEN is read in the team's time zone: a date (2026-12-01, the start of that day), a date and time \
        (2026-12-01T14:00), a time (14:00, the next one), an offset from now (+3d, +2w, +4h, +30m), tomorrow, \
        or a weekday (next monday).
        """
}
