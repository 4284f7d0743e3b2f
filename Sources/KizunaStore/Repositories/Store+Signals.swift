import GRDB
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
