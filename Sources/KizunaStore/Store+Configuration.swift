import Foundation
import KizunaCore

extension Configuration {
    /// The store's file: `kizuna.sqlite` in the configured state directory.
    public var storePath: String {
        (stateDirectory as NSString).appendingPathComponent(Store.fileName)
    }
}

extension Store.Options {
    /// The environment variable giving how many seconds a write waits for another process.
    public static let busyTimeoutVariable = "KIZUNA_BUSY_TIMEOUT"

    /// How long a write waits for another process: `KIZUNA_BUSY_TIMEOUT` seconds, else 5.
    public static func busyTimeout(environment: [String: String]) -> Duration {
        let seconds = environment[busyTimeoutVariable].flatMap(Double.init) ?? 5
        return .milliseconds(Int(max(0, seconds) * 1_000))
    }
}
