/// A way to tell people: the log, a program, a webhook, mail.
public protocol DeliveryChannel: Sendable {
    /// Sends `message` (whose `address` and `channel` are filled in), or throws why it could not.
    func send(_ message: DeliveryMessage) throws(DeliveryFailure)
}

/// Why one attempt on a channel failed, in words for `kizuna status` and the log.
public struct DeliveryFailure: Error, Hashable, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
