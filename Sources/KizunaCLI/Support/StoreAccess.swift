import ArgumentParser
import Foundation
import KizunaCore
import KizunaStore

/// Opens the store named by the configuration, the one way every command does it.
enum StoreAccess {
    /// Whether a command only reads (and needs an existing store), also writes (and creates it),
    /// or writes through much of the store (a planning pass, which gets a larger page cache).
    enum Mode {
        case read, write, bulkWrite
    }

    /// The store in the configuration's state directory. Reading needs the store to exist;
    /// when it does not, the message says how to create it.
    static func open(_ configuration: Configuration, _ mode: Mode) throws -> Store {
        let path = storePath(configuration)
        if mode == .read, !FileManager.default.fileExists(atPath: path) {
            printError(
                Diagnostic(
                    "there is no store at \(path) yet",
                    hint: "create it with `kizuna import customers FILE`, then `kizuna plan`"
                ).description)
            throw ExitCode(ExitStatus.storeUnavailable)
        }
        let options = Store.Options(busyTimeout: busyTimeout, readOnly: mode == .read, bulkWrites: mode == .bulkWrite)
        return try storing { () throws(StoreError) in try Store(path: path, options: options) }
    }

    /// How long a write waits for another process: `KIZUNA_BUSY_TIMEOUT` seconds, else 5.
    static var busyTimeout: Duration {
        Store.Options.busyTimeout(environment: ProcessInfo.processInfo.environment)
    }

    /// `kizuna.sqlite` in the configured state directory.
    static func storePath(_ configuration: Configuration) -> String { configuration.storePath }
}
