import GRDB

extension StoreError {
    /// The store's words for an error thrown while working on the store at `path`.
    ///
    /// A `StoreError` passes through unchanged; an SQLite error becomes the code that tells
    /// what to do (wait, fix permissions, restore a backup); anything else is a database error.
    static func wrapping(_ error: any Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let error = error as? DatabaseError else {
            return StoreError(.database, "the store at \(path) failed: \(error)")
        }
        let sqlite = "SQLite error \(error.extendedResultCode.rawValue): \(error.message ?? "no message")"
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError(
                .busy,
                "the store at \(path) is busy: another process held it longer than the busy timeout (\(sqlite)); "
                    + "try again, and check that no other program keeps a transaction open on it")
        case .SQLITE_READONLY:
            return StoreError(
                .readOnly,
                "the store at \(path) cannot be written (\(sqlite)); check the permissions of the file and its folder, "
                    + "or open it read-write")
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return StoreError(
                .corrupt,
                "the file at \(path) is not a Kizuna store or is damaged (\(sqlite)); restore it from a backup, "
                    + "or move it away to start a new store")
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
            return StoreError(
                .cannotOpen,
                "cannot open the store at \(path) (\(sqlite)); check that the folder exists and is writable")
        case .SQLITE_FULL:
            return StoreError(.database, "the disk holding the store at \(path) is full (\(sqlite)); free some space")
        default:
            return StoreError(.database, "the store at \(path) failed: \(sqlite)")
        }
    }
}
