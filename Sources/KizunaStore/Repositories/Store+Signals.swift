import GRDB
import GRDBSQLite
import KizunaCore

extension Store {
    /// Records health signals in one transaction; a value for the same customer, metric and
    /// instant replaces the one stored, so importing a file twice changes nothing.
    ///
    /// - Throws: `.notFound`, naming the first signal (1-based, in the order given) whose
    ///   customer is not in the store; nothing is recorded then.
    public func insert(signals: [Signal]) throws(StoreError) {
        try write { db in
            for (index, signal) in signals.enumerated() {
                guard try CustomerRow.find(db, key: signal.customer) != nil else {
                    throw StoreError(
                        .notFound,
                        "signal \(index + 1) (\(signal.metric)) names customer `\(signal.customer)`, which is not in the "
                            + "store at \(path); import the customer first or fix the row")
                }
                try db.execute(
                    sql: """
                        INSERT INTO signals (customer, metric, value, at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (customer, metric, at) DO UPDATE SET value = excluded.value
                        """,
                    arguments: [signal.customer, signal.metric, signal.value, signal.instant.secondsSinceEpoch])
            }
        }
    }
}

extension Store {
    /// Makes a query read the `(customer, metric, at)` key (the index of the table's UNIQUE
    /// constraint): given a metric and a range of instants, SQLite would otherwise pick
    /// `signals_by_metric` and walk every customer's observations in the range.
    static let byCustomer = "INDEXED BY sqlite_autoindex_signals_1"

    /// The observations of `metric` from `since` (seconds) on, before `end`, of the customers
    /// of `slots`, ascending by instant: one range of the `signals_by_metric` index. Each row's
    /// columns are read straight from SQLite, its customer looked up by its bytes: a pass
    /// reads hundreds of thousands of rows, and a `Row` value and an id `String` each cost
    /// more than SQLite's step.
    func forEachSignal(
        of metric: String, since: Int64, before end: Int64 = .max, slots: inout CustomerSlots, in db: Database,
        _ body: (_ slot: Int, _ value: Double, _ seconds: Int64) -> Void
    ) throws {
        let statement = try db.cachedStatement(
            sql: "SELECT customer, value, at FROM signals WHERE metric = ? AND at >= ? AND at < ? ORDER BY at")
        let rows = try Row.fetchCursor(statement, arguments: [metric, since, end])
        let sqlite = statement.sqliteStatement
        while try rows.next() != nil {
            // The text first, then its length in bytes, as SQLite asks.
            let customer = UnsafeRawBufferPointer(start: sqlite3_column_text(sqlite, 0), count: Int(sqlite3_column_bytes(sqlite, 0)))
            guard let slot = slots.slot(ofUTF8: customer) else { continue }
            body(slot, sqlite3_column_double(sqlite, 1), sqlite3_column_int64(sqlite, 2))
        }
    }
}
