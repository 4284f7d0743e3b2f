import GRDB

/// A row of `account_history`: a customer's ARR and seats from an instant on.
struct AccountHistoryRow: BoundRecord {
    static let sql = RecordSQL(table: "account_history", columns: ["customer", "at", "arr", "seats"])

    var customer: String
    var at: Int64
    var arr: Double?
    var seats: Int?

    init(customer: String, at: Int64, arr: Double?, seats: Int?) {
        self.customer = customer
        self.at = at
        self.arr = arr
        self.seats = seats
    }

    init(row: Row) {
        customer = row["customer"]
        at = row["at"]
        arr = row["arr"]
        seats = row["seats"]
    }

    var values: [(any DatabaseValueConvertible)?] { [customer, at, arr, seats] }

    func bind(to row: BoundInsert.Binder) throws {
        try row.bind(customer, at: 1)
        try row.bind(at, at: 2)
        try row.bind(arr, at: 3)
        try row.bind(seats.map(Int64.init), at: 4)
    }
}
