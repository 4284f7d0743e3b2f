import Dispatch
import Synchronization

/// Hands chunks of work from one thread to another, in order: the sender sends them and then
/// finishes or abandons, the receiver takes them with `next()` until it returns `nil`, or all
/// those waiting at once with `nextAll()`.
///
/// Written for an import, whose file is read on one thread while the chunks already read are
/// written on another, in one transaction that an abandoned import rolls back; and for jobs
/// running at once (`BoundedJobs`), whose outcomes come back to one thread as they finish.
package final class ChunkChannel<Chunk: Sendable>: Sendable {
    private struct State {
        var chunks: [Chunk] = []
        var finished = false
        var abandoned = false
    }

    /// The sender abandoned the work: the receiver should undo what it did.
    package struct Abandoned: Error {}

    private let state = Mutex(State())
    /// Signalled once per chunk sent, and once when the sender finishes or abandons.
    private let signals = DispatchSemaphore(value: 0)

    package init() {}

    package func send(_ chunk: Chunk) {
        state.withLock { $0.chunks.append(chunk) }
        signals.signal()
    }

    /// No chunk follows those sent.
    package func finish() {
        state.withLock { $0.finished = true }
        signals.signal()
    }

    /// No chunk follows, and those sent should be undone: `next()` throws from now on.
    package func abandon() {
        state.withLock { $0.abandoned = true }
        signals.signal()
    }

    /// The next chunk, waiting for it; `nil` once the sender finished and every chunk was
    /// taken.
    package func next() throws(Abandoned) -> Chunk? {
        signals.wait()
        let (chunk, abandoned) = state.withLock { state -> (Chunk?, Bool) in
            state.abandoned ? (nil, true) : (state.chunks.isEmpty ? nil : state.chunks.removeFirst(), false)
        }
        if abandoned || chunk == nil {
            // The end is seen again by a later call.
            signals.signal()
        }
        if abandoned { throw Abandoned() }
        return chunk
    }

    /// Every chunk sent and not taken yet, in order, waiting for one when there is none; empty
    /// once the sender finished and every chunk was taken.
    package func nextAll() throws(Abandoned) -> [Chunk] {
        signals.wait()
        let (chunks, abandoned) = state.withLock { state -> ([Chunk], Bool) in
            if state.abandoned { return ([], true) }
            defer { state.chunks.removeAll() }
            return (state.chunks, false)
        }
        if chunks.isEmpty {
            // The end: seen again by a later call.
            signals.signal()
        } else {
            // The signal of each chunk taken besides the first, some perhaps not posted yet.
            for _ in 1..<chunks.count { signals.wait() }
        }
        if abandoned { throw Abandoned() }
        return chunks
    }
}
