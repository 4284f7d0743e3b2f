import Dispatch
import Glibc

/// Handles signals on a queue through Dispatch: each signal's default action is turned off
/// first, then a signal source runs its handler. Dispositions are never changed afterwards.
final class SignalWatcher: Sendable {
    // Dispatch sources are thread-safe, but the Linux overlay does not mark them Sendable.
    nonisolated(unsafe) private let sources: [any DispatchSourceSignal]

    init(handlers: [Int32: @Sendable () -> Void], queue: DispatchQueue) {
        sources = handlers.map { signalNumber, handler in
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler(handler: handler)
            source.resume()
            return source
        }
    }

    func cancel() {
        for source in sources { source.cancel() }
    }
}
