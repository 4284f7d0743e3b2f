import Dispatch
import Synchronization

/// A value computed on another thread while the caller goes on; `value()` waits for it.
///
/// Written here because Dispatch has no future, and a planning pass or an import is
/// synchronous: the command and the daemon call them from plain threads, not from Swift
/// concurrency.
package final class BackgroundResult<Success: Sendable, Failure: Error>: Sendable {
    private let result = Mutex<Result<Success, Failure>?>(nil)
    private let finished = DispatchSemaphore(value: 0)

    /// Starts `body` on a queue of its own. (Not on a global queue: on Linux, work on one
    /// starts libdispatch's worker monitor, a timer that then wakes the process every second
    /// for as long as it runs, idle daemon included.)
    package init(_ body: @escaping @Sendable () throws(Failure) -> Success) {
        DispatchQueue(label: "kizuna.background-result").async { [self] in
            let outcome = Result { () throws(Failure) in try body() }
            result.withLock { $0 = outcome }
            finished.signal()
        }
    }

    /// The value `body` returned, or the error it threw, once it is done; call it once.
    package func value() throws(Failure) -> Success {
        finished.wait()
        return try result.withLock { $0.take() }!.get()
    }
}
