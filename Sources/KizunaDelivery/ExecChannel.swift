import Foundation
import KizunaStore

/// Runs a program for each message, with the message as JSON on stdin and `KIZUNA_*`
/// environment variables; no shell, and nothing is put into its arguments.
public struct ExecChannel: DeliveryChannel {
    let command: [String]
    let timeoutSeconds: Int64

    public init(command: [String], timeoutSeconds: Int64) {
        self.command = command
        self.timeoutSeconds = timeoutSeconds
    }

    public func send(_ message: DeliveryMessage) throws(DeliveryFailure) {
        try ProgramRun(arguments: command, environment: Self.variables(of: message), timeoutSeconds: timeoutSeconds)
            .run(input: try MessageJSON.encode(message))
    }

    /// `KIZUNA_KIND`, `KIZUNA_RECIPIENT`, `KIZUNA_ADDRESS`, `KIZUNA_CHANNEL`, `KIZUNA_LATE`, and
    /// for a reminder `KIZUNA_TASK`, `KIZUNA_CUSTOMER`, `KIZUNA_PLAYBOOK`.
    static func variables(of message: DeliveryMessage) -> [String: String] {
        var variables = [
            "KIZUNA_KIND": message.kind.rawValue, "KIZUNA_RECIPIENT": message.recipient,
            "KIZUNA_ADDRESS": message.address ?? "", "KIZUNA_CHANNEL": message.channel, "KIZUNA_LATE": message.late ? "1" : "0",
        ]
        if let task = message.reminder?.task {
            variables["KIZUNA_TASK"] = task.id
            variables["KIZUNA_CUSTOMER"] = task.customer
            variables["KIZUNA_PLAYBOOK"] = task.playbook
        }
        return variables
    }
}

/// The JSON of a message, as webhooks and programs receive it.
enum MessageJSON {
    static func encode(_ message: DeliveryMessage) throws(DeliveryFailure) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(message)
        } catch {
            throw DeliveryFailure("cannot encode the message: \(error)")
        }
    }
}
