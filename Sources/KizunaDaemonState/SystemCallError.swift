import Glibc

/// A system call that failed (a watcher's, the lock's), with what it was for.
public struct SystemCallError: Error, CustomStringConvertible {
    public var operation: String
    public var path: String
    public var errno: Int32

    public init(operation: String, path: String, errno: Int32) {
        self.operation = operation
        self.path = path
        self.errno = errno
    }

    public var description: String { "cannot watch \(path): \(operation): \(String(cString: strerror(errno)))" }
}
