import Dispatch
import Synchronization

/// Hands chunks of work from one thread to another, in order: the sender sends them and then
/// finishes or abandons, the receiver takes them with `next()` until it returns `nil`.
///
/// Written for an import, whose file is read on one thread while the chunks already read are
/// written on another, in one transaction that an abandoned import rolls back.
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
}
