import GRDB
import KizunaCore

extension Store {
    /// The cause recorded on stage changes that came with an import.
    public static let importCause = "import"

    /// Inserts new customers and updates changed ones, in one transaction. A new customer,
    /// or one whose stage changed, gets a stage history row (cause `import`) dated at its
    /// `stageEntered` and recorded `at`; one whose ARR or seats are new or changed gets an
    /// account history row dated `at`.
    @discardableResult
    public func upsert(customers: [Customer], at: Instant) throws(StoreError) -> CustomerImportResult {
        var chunks = [customers][...]
        return try upsert(customerChunks: { chunks.popFirst() }, at: at)
    }

    /// `upsert(customers:at:)` of the customers `next` gives a chunk at a time, until it
    /// returns `nil`, in one transaction: each chunk is written as soon as it comes, so that
    /// the caller can read the next one meanwhile. When `next` throws, the transaction is
    /// rolled back and the error rethrown.
    @discardableResult
    public func upsert(customerChunks next: () throws -> [Customer]?, at: Instant) throws(StoreError) -> CustomerImportResult {
        try write { db in
            var result = CustomerImportResult()
            // A store without customers (a first import) has none to read and compare.
            let hadCustomers = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM customers)") ?? false
            // The ids met so far: a repeated id reads its row back, as written before.
            var seen = Set<String>()
            var inserts = CustomerInserts()
            while let customers = try next() {
                let stored = hadCustomers ? try storedCustomers(ids: customers.map(\.id), in: db) : [:]
                for customer in customers {
                    let row = CustomerRow(customer)
                    var existing = stored[row.id]
                    if !seen.insert(row.id).inserted {
                        try inserts.flush(in: db)
                        existing = try CustomerRow.find(db, key: row.id)
                    }
                    if existing == row {
                        result.unchanged += 1
                        continue
                    }
                    if existing == nil {
                        inserts.customers.append(row)
                        result.inserted += 1
                    } else {
                        try row.update(db)
                        result.updated += 1
                    }
                    if existing?.arr != row.arr || existing?.seats != row.seats {
                        inserts.accounts.append(AccountHistoryRow(customer: row.id, at: at.secondsSinceEpoch, arr: row.arr, seats: row.seats))
                    }
                    guard existing?.stage != row.stage else { continue }
                    if existing != nil { result.stageChanges += 1 }
                    inserts.stages.append(
                        StageHistoryRow(
                            customer: row.id, stage: row.stage, enteredAt: row.stageEntered, cause: Self.importCause,
                            recordedAt: at.secondsSinceEpoch))
                }
                try inserts.flush(in: db)
            }
            return result
        }
    }

    /// The stored rows of the customers with these ids, by id, read in one statement.
    private func storedCustomers(ids: [String], in db: Database) throws -> [String: CustomerRow] {
        let rows = try CustomerRow.fetchAll(
            db.cachedStatement(sql: CustomerRow.sql.select + " WHERE id IN (SELECT value FROM json_each(?))"),
            arguments: [JSONColumn.encode(ids)])
        return Dictionary(rows.map { ($0.id, $0) }) { first, _ in first }
    }

    /// Every customer, by id.
    public func customers() throws(StoreError) -> [Customer] {
        try read { db in
            // Decoded straight into one array of the right size: at 100,000 customers, growing
            // it and copying the rows into customers cost as much as reading them.
            var customers: [Customer] = []
            customers.reserveCapacity(try CustomerRow.fetchCount(db))
            let rows = try CustomerRow.fetchCursor(db.cachedStatement(sql: CustomerRow.sql.select + " ORDER BY id"))
            while let row = try rows.next() { customers.append(row.customer) }
            return customers
        }
    }

    /// The customer with this id, `nil` when there is none.
    public func customer(id: String) throws(StoreError) -> Customer? {
        try read { db in try CustomerRow.find(db, key: id)?.customer }
    }

    /// Moves a customer to `stage` as of `at` (a transition, a manual change), recording why.
    /// Setting the stage a customer is already in changes nothing.
    ///
    /// - Throws: `.notFound` when there is no such customer.
    @discardableResult
    public func setStage(customerID: String, stage: String, at: Instant, cause: String) throws(StoreError) -> Customer {
        try write { db in
            guard var row = try CustomerRow.find(db, key: customerID) else {
                throw StoreError(.notFound, "no customer `\(customerID)` in the store at \(path); import it first")
            }
            guard row.stage != stage else { return row.customer }
            row.stage = stage
            row.stageEntered = at.secondsSinceEpoch
            try row.update(db)
            try StageHistoryRow(
                customer: row.id, stage: stage, enteredAt: at.secondsSinceEpoch, cause: cause,
                recordedAt: at.secondsSinceEpoch
            ).insert(db)
            return row.customer
        }
    }
}

/// The new rows of an upsert, inserted many per statement (`BoundInsert.rowsPerStatement` tells why):
/// the customers first, then the history rows that refer to them.
private struct CustomerInserts {
    var customers: [CustomerRow] = []
    var accounts: [AccountHistoryRow] = []
    var stages: [StageHistoryRow] = []

    mutating func flush(in db: Database) throws {
        try Self.insert(customers, in: db)
        try Self.insert(accounts, in: db)
        try Self.insert(stages, in: db)
        self = CustomerInserts()
    }

    private static func insert<Record: BoundRecord>(_ records: [Record], in db: Database) throws {
        try BoundInsert.insert(into: Record.sql.table, columns: Record.sql.columns, count: records.count, in: db) { index, row in
            try records[index].bind(to: row)
        }
    }
}
