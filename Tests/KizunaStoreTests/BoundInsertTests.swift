import GRDB
import Testing

@testable import KizunaStore

@Suite("Bound inserts")
struct BoundInsertTests {
    @Test("text is stored as bound, across runs of a statement and past the memory kept for one run")
    func textSurvivesUntilTheRun() throws {
        let queue = try DatabaseQueue()
        // Short and empty values, and values longer than a chunk of `BoundText`, in rows whose
        // text together fills several chunks.
        let rows = (0..<40).map { number in
            ["", "row \(number)", String(repeating: "é\(number % 10)", count: number * 1_000), String(repeating: "x", count: 70_000 + number)]
        }
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (n INTEGER, a TEXT, b TEXT, c TEXT, d TEXT)")
            let insert = try BoundInsert(into: "t", columns: ["n", "a", "b", "c", "d"], rows: 2, in: db)
            for first in stride(from: 0, to: rows.count, by: 2) {
                try insert.insert { binder in
                    for row in 0..<2 {
                        let values = rows[first + row]
                        try binder.row(row).bind(Int64(first + row), at: 1)
                        for (column, value) in values.enumerated() { try binder.row(row).bind(value, at: Int32(column + 2)) }
                    }
                }
            }
            let stored = try Row.fetchAll(db, sql: "SELECT a, b, c, d FROM t ORDER BY n").map { row in
                (0..<4).map { row[$0] as String }
            }
            #expect(stored == rows)
        }
    }
}
