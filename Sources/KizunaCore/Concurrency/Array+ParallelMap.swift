import Dispatch
import Synchronization

extension Array where Element: Sendable {
    /// `transform` of every element, in order, computed in `parts` contiguous slices at once
    /// (the caller's thread takes one). For pure per-element work over large arrays, such as
    /// reading the rows of an import file.
    package func parallelMap<Mapped: Sendable>(parts: Int = 2, _ transform: @Sendable (Element) -> Mapped) -> [Mapped] {
        let parts = Swift.max(1, Swift.min(parts, count))
        guard parts > 1 else { return map(transform) }
        let slices = Mutex([[Mapped]](repeating: [], count: parts))
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let range = (count * part / parts)..<(count * (part + 1) / parts)
            let mapped = self[range].map(transform)
            slices.withLock { $0[part] = mapped }
        }
        return slices.withLock { $0.flatMap { $0 } }
    }
}
