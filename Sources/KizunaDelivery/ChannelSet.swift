import KizunaCore
import Logging

/// The channels of a configuration, by name, with the log always among them.
public struct ChannelSet: Sendable {
    public private(set) var channels: [String: any DeliveryChannel]

    /// The configured channels, built from their settings.
    public init(settings: DeliverySettings, logger: Logger) {
        channels = [DeliverySettings.logChannel: LogChannel(logger: logger)]
        for (name, channel) in settings.channels {
            switch channel.kind {
            case .exec(let command):
                channels[name] = ExecChannel(command: command, timeoutSeconds: channel.timeoutSeconds)
            case .webhook(let url):
                channels[name] = WebhookChannel(url: url, timeoutSeconds: channel.timeoutSeconds)
            case .mail(let sendmail, let from, let to):
                channels[name] = MailChannel(sendmail: sendmail, from: from, to: to, timeoutSeconds: channel.timeoutSeconds)
            }
        }
    }

    /// Sends `message` on channel `name` to `address`.
    func send(_ message: DeliveryMessage, on name: String, address: String?) throws(DeliveryFailure) {
        guard let channel = channels[name] else {
            throw DeliveryFailure("no channel named `\(name)` in the configuration")
        }
        var message = message
        message.channel = name
        message.address = address
        try channel.send(message)
    }
}
