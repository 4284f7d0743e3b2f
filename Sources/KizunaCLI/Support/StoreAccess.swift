import ArgumentParser
import Foundation
import KizunaCore
import KizunaStore

/// Opens the store named by the configuration, the one way every command does it.
enum StoreAccess {
    /// Whether a command only reads (and needs an existing store) or also writes (and creates it).
    enum Mode {
        case read, write
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
        return try storing { () throws(StoreError) in try Store(path: path, options: Store.Options(readOnly: mode == .read)) }
    }

    /// `kizuna.sqlite` in the configured state directory.
    static func storePath(_ configuration: Configuration) -> String {
        (configuration.stateDirectory as NSString).appendingPathComponent(Store.fileName)
    }
}
