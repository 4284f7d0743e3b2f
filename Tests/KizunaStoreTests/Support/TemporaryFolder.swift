import Foundation
import KizunaStore

/// Runs `body` with a new empty folder under the system's temporary folder, removed afterwards.
func withTemporaryFolder<T>(_ body: (String) throws -> T) throws -> T {
    let path = NSTemporaryDirectory() + "kizuna-store-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
}

/// Runs `body` with a new store in a temporary folder, removed afterwards.
func withStore<T>(busyTimeout: Duration = .seconds(5), _ body: (Store) throws -> T) throws -> T {
    try withTemporaryFolder { folder in
        try body(Store(stateDirectory: folder, options: Store.Options(busyTimeout: busyTimeout)))
    }
}
