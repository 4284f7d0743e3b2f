import GRDB

/// A row of `pauses`: a play stopped for one customer until an instant.
struct PauseRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "pauses"

    var playbook: String
    var customer: String
    var until: Int64
    var reason: String?
    var actor: String
    var at: Int64
}
