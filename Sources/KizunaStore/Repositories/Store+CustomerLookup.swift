import GRDB
import KizunaCore

extension Store {
    /// The customers with these ids that the store has, by id, in one query.
    public func customers(ids: Set<String>) throws(StoreError) -> [String: Customer] {
        try read { db in
            let rows = try CustomerRow.fetchAll(
                db, sql: CustomerRow.sql.select + " WHERE id IN (SELECT value FROM json_each(?))",
                arguments: [JSONColumn.encode(ids.sorted())])
            return Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0.customer) })
        }
    }
}
