#if canImport(Glibc)
    import Glibc
#endif

/// A libsystemd call failed; libsystemd returns failures as a negative `errno`.
public struct SystemdError: Error, Equatable, CustomStringConvertible {
    /// The C function that failed (`sd_notify`).
    public let function: String
    /// The `errno` it returned, made positive.
    public let errno: Int32

    public init(function: String, errno: Int32) {
        self.function = function
        self.errno = errno
    }

    public var description: String { "\(function) failed: \(String(cString: strerror(errno))) (errno \(errno))" }
}
