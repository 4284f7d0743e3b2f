import KizunaCore
import KizunaStore
import Logging
import Synchronization

extension Daemon {
    /// Customer events logged one by one in a pass at most; a pass with more (a first plan
    /// over a large store, a playbook edit that touches every customer) logs one line instead.
    static let changeLogLimit = 1_000

    /// Logs what the store recorded since the last call: tasks planned, moved or cancelled,
    /// and stage changes, one entry each with the customer, task and playbook as metadata
    /// (journal fields under systemd: `journalctl -u kizunad KIZUNA_CUSTOMER=acme-corp`).
    /// Runs on the queue, after a planning pass.
    func logStoreChanges() {
        guard let cursor = state.withLock({ $0.changeCursor }) else { return }
        let changes: StoreChanges
        do {
            changes = try store.changes(after: cursor, limit: Self.changeLogLimit)
        } catch {
            logger.error("cannot read the store's changes: \(error.message)")
            return
        }
        state.withLock { $0.changeCursor = changes.cursor }
        for change in changes.tasks {
            let metadata: Logger.Metadata = [
                "customer": "\(change.customer)", "task": "\(change.task.hex)", "playbook": "\(change.playbook)",
            ]
            let detail = change.note.map { ": \($0)" } ?? ""
            logger.info("\(change.kind.rawValue) \"\(change.title)\" (task \(change.task.short))\(detail)", metadata: metadata)
        }
        for change in changes.stages {
            logger.info(
                "\(change.customer) entered stage \(change.stage) (\(change.cause))", metadata: ["customer": "\(change.customer)"])
        }
        let unlisted = (changes.taskCount - changes.tasks.count, changes.stageCount - changes.stages.count)
        if unlisted.0 > 0 || unlisted.1 > 0 {
            logger.info(
                """
                \(unlisted.0) task changes and \(unlisted.1) stage changes not logged one by one (more than \
                \(Self.changeLogLimit) at once); `kizuna show` has them
                """)
        }
    }
}
