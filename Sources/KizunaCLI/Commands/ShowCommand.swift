import ArgumentParser
import KizunaCore
import KizunaStore

/// `kizuna show ID`: a task with its checklist, reminders and history, or a customer with its timeline.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a task (its checklist and history) or a customer (its timeline).",
        discussion: "ID is a task id or an unambiguous prefix of one, or a customer id.")

    @OptionGroup var config: ConfigOption

    @Argument(help: ArgumentHelp("A task id (or prefix), or a customer id.", valueName: "id"))
    var id: String

    @Flag(help: "Print JSON for scripts.")
    var json = false

    func run() throws {
        let configuration = try config.load()
        let now = try currentInstant(in: configuration.zone)
        let store = try StoreAccess.open(configuration, .read)
        let zone = configuration.zone
        let detail = try storing { () throws(StoreError) -> Detail in
            if let customer = try store.customer(id: id) {
                return .customer(CustomerDetail(customer, timeline: try store.timeline(customer: id), zone: zone))
            }
            let task: StoredTask
            do throws(StoreError) {
                task = try store.task(prefix: id)
            } catch where error.code == .invalidInput || error.code == .notFound {
                throw StoreError(.notFound, "no customer `\(id)` and no task id starting with it in the store at \(store.path)")
            }
            let customer = try store.customer(id: task.customer)
            return .task(
                TaskDetail(
                    TaskReport(task, customer: customer, now: now), task: task, reminders: try store.reminderDeliveries(of: task.id),
                    history: try store.history(task: task.id), zone: zone))
        }
        switch detail {
        case .task(let task): json ? try printJSON(task) : task.print(style: .terminal)
        case .customer(let customer): json ? try printJSON(customer) : customer.print(style: .terminal)
        }
    }

    private enum Detail {
        case task(TaskDetail)
        case customer(CustomerDetail)
    }
}
