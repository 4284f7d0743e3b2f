import KizunaDaemonState
import CKizunaLinux
import Dispatch
import Glibc

/// Sees the system clock being set (a step by an administrator or NTP, a resume from
/// suspend): a `timerfd` on CLOCK_REALTIME armed far ahead with `TFD_TIMER_ABSTIME |
/// TFD_TIMER_CANCEL_ON_SET`, whose read fails with `ECANCELED` when the clock is set.
final class ClockChangeWatcher: Sendable {
    // Dispatch sources are thread-safe, but the Linux overlay does not mark them Sendable.
    nonisolated(unsafe) private let source: any DispatchSourceRead

    /// Starts watching; `onChange` runs on `queue` after each change of the clock.
    init(queue: DispatchQueue, onChange: @escaping @Sendable () -> Void) throws(SystemCallError) {
        let descriptor = timerfd_create(CLOCK_REALTIME, Int32(TFD_NONBLOCK | TFD_CLOEXEC))
        guard descriptor >= 0 else { throw SystemCallError(operation: "timerfd_create", path: "CLOCK_REALTIME", errno: errno) }
        guard Self.arm(descriptor) else {
            let error = SystemCallError(operation: "timerfd_settime", path: "CLOCK_REALTIME", errno: errno)
            close(descriptor)
            throw error
        }
        source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue)
        source.setEventHandler {
            var expirations: UInt64 = 0
            let count = read(descriptor, &expirations, MemoryLayout<UInt64>.size)
            guard count >= 0 || errno == ECANCELED else { return }
            _ = Self.arm(descriptor)
            if count < 0 { onChange() }
        }
        source.setCancelHandler { close(descriptor) }
        source.resume()
    }

    func cancel() { source.cancel() }

    /// Arms the timer a year ahead, absolute, cancelled when the clock is set.
    private static func arm(_ descriptor: Int32) -> Bool {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var specification = itimerspec(it_interval: timespec(), it_value: timespec(tv_sec: now.tv_sec + 366 * 86_400, tv_nsec: 0))
        return timerfd_settime(descriptor, Int32(TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET), &specification, nil) == 0
    }
}
