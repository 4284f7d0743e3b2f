import KizunaStore
import Logging

/// The built-in channel every reminder and digest goes to: one log line, with the
/// customer, task and playbook as metadata (journal fields under journald).
public struct LogChannel: DeliveryChannel {
    let logger: Logger

    public init(logger: Logger) {
        self.logger = logger
    }

    public func send(_ message: DeliveryMessage) throws(DeliveryFailure) {
        var metadata: Logger.Metadata = ["recipient": "\(message.recipient)", "kind": "\(message.kind.rawValue)"]
        if message.late { metadata["late"] = "true" }
        if let reminder = message.reminder {
            metadata["customer"] = "\(reminder.task.customer)"
            metadata["task"] = "\(reminder.task.id)"
            metadata["playbook"] = "\(reminder.task.playbook)"
            metadata["timing"] = "\(reminder.timing)"
        }
        if let digest = message.digest {
            metadata["date"] = "\(digest.date)"
            metadata["tasks"] = "\(digest.tasks.count)"
        }
        logger.info("\(message.subject)", metadata: metadata)
    }
}
