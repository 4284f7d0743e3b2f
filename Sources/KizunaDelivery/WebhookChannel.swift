import Foundation
import Synchronization
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// POSTs each message as JSON (with a Slack-compatible `text`) to the recipient's address
/// for the channel, else to the channel's URL. A 2xx answer is a delivery; anything else,
/// or no answer within the timeout, a failure the dispatcher retries.
public struct WebhookChannel: DeliveryChannel {
    let url: String?
    let timeoutSeconds: Int64

    /// One session for every webhook of the process (each request carries its timeout), so
    /// that the channels a reload replaces leave no session behind.
    ///
    /// Nothing of it runs on a global queue: there, the first worker starts libdispatch's
    /// worker monitor, a timer that would then wake the idle daemon every second. So it has no
    /// cache (answers to a POST are not cached, and asking the cache runs on a global queue),
    /// and hands over answers on a serial queue of its own (the default delegate queue is a
    /// concurrent one, which runs on a global queue).
    private static let session = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        let answers = OperationQueue()
        answers.name = "kizuna.webhook-answers"
        answers.maxConcurrentOperationCount = 1
        answers.underlyingQueue = answersQueue
        return URLSession(configuration: configuration, delegate: nil, delegateQueue: answers)
    }()

    /// The dispatch queue under the session's delegate queue, kept here: an operation queue
    /// does not retain it.
    private static let answersQueue = DispatchQueue(label: "kizuna.webhook-answers")

    public init(url: String?, timeoutSeconds: Int64) {
        self.url = url
        self.timeoutSeconds = timeoutSeconds
    }

    public func send(_ message: DeliveryMessage) throws(DeliveryFailure) {
        guard let target = message.address ?? url, let endpoint = URL(string: target) else {
            throw DeliveryFailure("no webhook URL for \(message.recipient): set the channel's `url` or the person's address")
        }
        var request = URLRequest(url: endpoint, timeoutInterval: TimeInterval(timeoutSeconds))
        request.httpMethod = "POST"
        request.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
        request.httpBody = try MessageJSON.encode(message)
        let outcome = Mutex<Result<Int, DeliveryFailure>>(.failure(DeliveryFailure("no answer from \(target)")))
        let done = DispatchSemaphore(value: 0)
        Self.session.dataTask(with: request) { data, response, error in
            let result: Result<Int, DeliveryFailure>
            if let error {
                result = .failure(DeliveryFailure("POST \(target): \(error.localizedDescription)"))
            } else if let status = (response as? HTTPURLResponse)?.statusCode, (200..<300).contains(status) {
                result = .success(status)
            } else {
                let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                let body = String(decoding: (data ?? Data()).prefix(200), as: UTF8.self)
                result = .failure(DeliveryFailure("POST \(target) answered \(status)" + (body.isEmpty ? "" : ": \(body)")))
            }
            outcome.withLock { $0 = result }
            done.signal()
        }.resume()
        if done.wait(timeout: .now() + .seconds(Int(timeoutSeconds) + 1)) == .timedOut {
            throw DeliveryFailure("POST \(target) got no answer within \(timeoutSeconds) s")
        }
        if case .failure(let failure) = outcome.withLock({ $0 }) { throw failure }
    }
}
