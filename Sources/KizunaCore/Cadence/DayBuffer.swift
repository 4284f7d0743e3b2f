/// The days one period selects, as day numbers: a buffer that keeps its storage between
/// periods, so that refilling it allocates nothing once it has grown.
struct DayBuffer {
    private var storage: [Int] = []
    private(set) var count = 0

    subscript(index: Int) -> Int { storage[index] }

    mutating func removeAll() { count = 0 }

    mutating func append(_ day: Int) {
        if count < storage.count { storage[count] = day } else { storage.append(day) }
        count += 1
    }

    /// Sorts the days and drops repeats (insertion sort: a period selects a handful).
    mutating func sortUnique() {
        var kept = 0
        for index in 0..<count {
            let day = storage[index]
            var position = kept
            while position > 0 && storage[position - 1] > day { position -= 1 }
            guard position == 0 || storage[position - 1] != day else { continue }
            for move in stride(from: kept, to: position, by: -1) { storage[move] = storage[move - 1] }
            storage[position] = day
            kept += 1
        }
        count = kept
    }
}
