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
        try write { db in
            var result = CustomerImportResult()
            // Kept up to date as rows are written, so a repeated id finds its earlier row.
            var stored = try storedCustomers(ids: customers.map(\.id), in: db)
            let inserts = (
                customer: try BoundInsert(CustomerRow.sql.insert, in: db), account: try BoundInsert(AccountHistoryRow.sql.insert, in: db),
                stage: try BoundInsert(StageHistoryRow.sql.insert, in: db)
            )
            for customer in customers {
                let row = CustomerRow(customer)
                let existing = stored[row.id]
                if existing == row {
                    result.unchanged += 1
                    continue
                }
                stored[row.id] = row
                if existing == nil {
                    try row.insert(with: inserts.customer)
                    result.inserted += 1
                } else {
                    try row.update(db)
                    result.updated += 1
                }
                if existing?.arr != row.arr || existing?.seats != row.seats {
                    try AccountHistoryRow(customer: row.id, at: at.secondsSinceEpoch, arr: row.arr, seats: row.seats)
                        .insert(with: inserts.account)
                }
                guard existing?.stage != row.stage else { continue }
                if existing != nil { result.stageChanges += 1 }
                try StageHistoryRow(
                    customer: row.id, stage: row.stage, enteredAt: row.stageEntered, cause: Self.importCause,
                    recordedAt: at.secondsSinceEpoch
                ).insert(with: inserts.stage)
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
