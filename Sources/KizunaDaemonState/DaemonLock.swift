import CKizunaLinux
import Foundation
import Glibc

/// An exclusive `flock` on `kizunad.lock` in the state directory, held while a daemon runs:
/// a second daemon on the same store refuses to start, and `kizuna status` knows whether one
/// runs. The kernel drops the lock when the process ends, however it ends.
public final class DaemonLock: Sendable {
    public static let fileName = "kizunad.lock"
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Takes the lock in `stateDirectory`, creating the folder when missing; `nil` when
    /// another process holds it.
    ///
    /// - Throws: when the folder or the file cannot be created.
    public static func acquire(stateDirectory: String) throws(SystemCallError) -> DaemonLock? {
        let path = Self.path(stateDirectory: stateDirectory)
        try? FileManager.default.createDirectory(atPath: stateDirectory, withIntermediateDirectories: true)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw SystemCallError(operation: "open", path: path, errno: errno) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            return nil
        }
        return DaemonLock(descriptor: descriptor)
    }

    /// Whether a daemon holds the lock in `stateDirectory` now.
    public static func isHeld(stateDirectory: String) -> Bool {
        let descriptor = open(path(stateDirectory: stateDirectory), O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return flock(descriptor, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK
    }

    static func path(stateDirectory: String) -> String {
        (stateDirectory as NSString).appendingPathComponent(fileName)
    }
}
