import Foundation
import Synchronization

/// Runs a program directly (no shell), writes `input` to its stdin, and waits at most
/// `timeoutSeconds` for it to exit; shared by the `exec` and `mail` channels.
///
/// The child must start with no signal blocked: Dispatch's threads block SIGTERM and most
/// other signals, and a child that inherited that mask could not be stopped. Foundation's
/// `Process` gives the child the mask of the thread that starts it, so it is started from
/// a thread of its own whose mask is cleared first. (swift-subprocess resets the mask too,
/// but it is asynchronous only, and its work needs Swift concurrency's few shared threads,
/// which a caller that blocks, as the daemon's serial queue and tests do, can starve.)
struct ProgramRun {
    let arguments: [String]
    var environment: [String: String] = [:]
    let timeoutSeconds: Int64

    /// Runs the program to its end; throws when it cannot start, times out (it is then sent
    /// SIGTERM, and SIGKILL two seconds later), or exits non-zero (with the start of what it
    /// wrote on stderr). Blocks the calling thread meanwhile.
    func run(input: Data) throws(DeliveryFailure) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let stdin = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = stderr
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try Self.startUnmasked(process, program: arguments[0])
        let errors = Mutex(Data())
        let drained = DispatchSemaphore(value: 0)
        // Written and read off this thread, so that a child that neither reads all of its
        // input nor stops writing errors cannot block the caller past the timeout. (On a queue
        // of its own: a global queue's first worker starts libdispatch's worker monitor, which
        // then wakes the daemon every second.)
        Self.write(input, to: stdin.fileHandleForWriting)
        DispatchQueue(label: "kizuna.program-errors").async {
            let data = stderr.fileHandleForReading.readDataToEndOfFile()
            errors.withLock { $0 = data }
            drained.signal()
        }
        if exited.wait(timeout: .now() + .seconds(Int(timeoutSeconds))) == .timedOut {
            process.terminate()
            if exited.wait(timeout: .now() + .seconds(2)) == .timedOut { kill(process.processIdentifier, SIGKILL) }
            throw DeliveryFailure("\(arguments[0]) did not finish within \(timeoutSeconds) s and was stopped")
        }
        _ = drained.wait(timeout: .now() + .seconds(1))
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let said = String(decoding: errors.withLock { $0 }.prefix(500), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let how =
                process.terminationReason == .exit
                ? "exited \(process.terminationStatus)" : "was killed by signal \(process.terminationStatus)"
            throw DeliveryFailure("\(arguments[0]) \(how)" + (said.isEmpty ? "" : ": \(said)"))
        }
    }

    /// Writes `data` to a child's stdin from a thread of its own that blocks SIGPIPE: a child
    /// that exits without reading its input must cost a failed write, not the daemon.
    /// The signal the write raises stays pending on that thread and ends with it.
    private static func write(_ data: Data, to handle: FileHandle) {
        let handle = UncheckedHandle(handle: handle)
        Thread {
            var pipeSignal = sigset_t()
            sigemptyset(&pipeSignal)
            sigaddset(&pipeSignal, SIGPIPE)
            pthread_sigmask(SIG_BLOCK, &pipeSignal, nil)
            try? handle.handle.write(contentsOf: data)
            try? handle.handle.close()
        }.start()
    }

    /// Starts `process` from a new thread with an empty signal mask, which the child inherits.
    private static func startUnmasked(_ process: Process, program: String) throws(DeliveryFailure) {
        let failure = Mutex<String?>(nil)
        let started = DispatchSemaphore(value: 0)
        let process = UncheckedProcess(process: process)
        let thread = Thread {
            var none = sigset_t()
            sigemptyset(&none)
            pthread_sigmask(SIG_SETMASK, &none, nil)
            do {
                try process.process.run()
            } catch {
                failure.withLock { $0 = error.localizedDescription }
            }
            started.signal()
        }
        thread.start()
        started.wait()
        if let message = failure.withLock({ $0 }) { throw DeliveryFailure("cannot run \(program): \(message)") }
    }
}

/// A child's stdin handed to the thread that writes it; no other thread uses it.
private struct UncheckedHandle: @unchecked Sendable {
    let handle: FileHandle
}

/// A `Process` handed to the thread that starts it; only that thread uses it until it signals.
private struct UncheckedProcess: @unchecked Sendable {
    let process: Process
}
