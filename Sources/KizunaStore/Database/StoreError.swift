/// Why the store could not do what was asked: a code to match on and a message for people
/// that names the store's path and says what to do.
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure, stable for programs to match.
    public enum Code: String, Hashable, Sendable {
        /// The file or its folder cannot be opened or created.
        case cannotOpen = "cannot-open"
        /// Another process held the store longer than the busy timeout.
        case busy
        /// The store was opened read-only, or its file cannot be written.
        case readOnly = "read-only"
        /// The file is not an SQLite database, or it is damaged.
        case corrupt
        /// The store was written by a newer version of Kizuna.
        case newerSchema = "newer-schema"
        /// The store's schema is older than this build and cannot be upgraded where it was opened.
        case olderSchema = "older-schema"
        /// No task, customer or store has the given id or path.
        case notFound = "not-found"
        /// A task id prefix matches more than one task.
        case ambiguousID = "ambiguous-id"
        /// The action does not apply to the task in its current state (completing a cancelled task).
        case invalidTransition = "invalid-transition"
        /// The input is not acceptable (a too short id prefix, a snooze into the past).
        case invalidInput = "invalid-input"
        /// Any other SQLite failure (disk full, I/O error); the message carries SQLite's words.
        case database
    }

    public var code: Code
    /// What went wrong, where, and what to do about it.
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
