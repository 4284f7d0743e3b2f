import Foundation
import KizunaCore

/// What a running daemon tells `kizuna status`, in `kizunad.status.json` in the state
/// directory, replaced atomically whenever it changes. Instants are seconds since the epoch.
public struct DaemonStatus: Codable, Hashable, Sendable {
    public static let fileName = "kizunad.status.json"

    public var pid: Int32
    /// When the process started, on the daemon's clock like every instant here (a test
    /// clock's, when one runs).
    public var started: Instant
    /// Virtual seconds per real second of the daemon's clock (1 unless a test clock runs).
    public var clockRate: Double
    /// How many planning passes the daemon has made since it started.
    public var passes = 0
    public var lastPlan: Plan?
    public var lastReload: Reload?
    public var nextWake: Wake?

    public init(pid: Int32, started: Instant, clockRate: Double) {
        self.pid = pid
        self.started = started
        self.clockRate = clockRate
    }

    /// One planning pass.
    public struct Plan: Codable, Hashable, Sendable {
        /// The daemon clock's instant the pass planned at.
        public var at: Instant
        /// Why it ran: start, midnight, reload, store changed, clock changed.
        public var cause: String
        /// The first day of its window, in the team's zone.
        public var today: String
        public var milliseconds: Int
        public var created: Int
        public var updated: Int
        public var cancelled: Int
        /// The error that ended it, if one did.
        public var error: String?

        public init(
            at: Instant, cause: String, today: String, milliseconds: Int, created: Int, updated: Int, cancelled: Int,
            error: String? = nil
        ) {
            self.at = at
            self.cause = cause
            self.today = today
            self.milliseconds = milliseconds
            self.created = created
            self.updated = updated
            self.cancelled = cancelled
            self.error = error
        }
    }

    /// The last reload of the configuration and playbooks.
    public struct Reload: Codable, Hashable, Sendable {
        public var at: Instant
        public var succeeded: Bool
        /// Every problem found, `file:line:column: error: …`; on failure the daemon keeps
        /// running with the last good set.
        public var diagnostics: [String]

        public init(at: Instant, succeeded: Bool, diagnostics: [String]) {
            self.at = at
            self.succeeded = succeeded
            self.diagnostics = diagnostics
        }
    }

    /// Writes the status to `stateDirectory`, replacing the previous one in one rename.
    public func write(stateDirectory: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(self).write(to: Self.url(stateDirectory: stateDirectory), options: .atomic)
    }

    /// The status last written in `stateDirectory`, `nil` when there is none or it cannot be read.
    public static func read(stateDirectory: String) -> DaemonStatus? {
        guard let data = try? Data(contentsOf: url(stateDirectory: stateDirectory)) else { return nil }
        return try? JSONDecoder().decode(DaemonStatus.self, from: data)
    }

    private static func url(stateDirectory: String) -> URL {
        URL(fileURLWithPath: stateDirectory).appendingPathComponent(fileName)
    }
}
