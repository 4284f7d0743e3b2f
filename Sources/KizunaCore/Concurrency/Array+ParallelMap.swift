import Dispatch
import Synchronization

extension Array where Element: Sendable {
    /// `transform` of every element, in order, computed in `parts` contiguous slices at once
    /// (the caller's thread takes one). For pure per-element work over large arrays, such as
    /// reading the rows of an import file.
    ///
    /// The other slices run on queues of their own, not through `concurrentPerform`: that runs
    /// on a global queue, whose first worker starts libdispatch's worker monitor, a timer that
    /// then wakes the process every second for as long as it runs, idle daemon included.
    package func parallelMap<Mapped: Sendable>(parts: Int = 2, _ transform: @Sendable (Element) -> Mapped) -> [Mapped] {
        let parts = Swift.max(1, Swift.min(parts, count))
        guard parts > 1 else { return map(transform) }
        return withoutActuallyEscaping(transform) { transform in
            let slices = SlicedMap(self, parts: parts, transform: transform)
            // The queues get an unretained reference: `slices`, and `transform` with it, must be
            // released when this returns (which `withoutActuallyEscaping` checks), while Dispatch
            // may release a block after its last statement has run.
            let unretained = Unmanaged.passUnretained(slices)
            let finished = DispatchSemaphore(value: 0)
            for part in 1..<parts {
                DispatchQueue(label: "kizuna.parallel-map").async {
                    unretained._withUnsafeGuaranteedRef { $0.map(part: part) }
                    finished.signal()
                }
            }
            slices.map(part: 0)
            for _ in 1..<parts { finished.wait() }
            return slices.joined
        }
    }
}

/// The slices of one `parallelMap` and their results.
private final class SlicedMap<Element: Sendable, Mapped: Sendable>: Sendable {
    private let elements: [Element]
    private let parts: Int
    private let transform: @Sendable (Element) -> Mapped
    private let results: Mutex<[[Mapped]]>

    init(_ elements: [Element], parts: Int, transform: @escaping @Sendable (Element) -> Mapped) {
        self.elements = elements
        self.parts = parts
        self.transform = transform
        results = Mutex(Array(repeating: [], count: parts))
    }

    /// Maps slice `part` of the `parts` contiguous slices.
    func map(part: Int) {
        let count = elements.count
        let mapped = elements[(count * part / parts)..<(count * (part + 1) / parts)].map(transform)
        results.withLock { $0[part] = mapped }
    }

    /// The results of every slice, in order.
    var joined: [Mapped] { results.withLock { $0.flatMap { $0 } } }
}
