import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A test-owned `NOTIFY_SOCKET`: an `AF_UNIX` datagram socket bound to a fresh path, as
/// systemd binds its own, from which a test reads what a process reported.
public final class NotifySocket {
    /// What `NOTIFY_SOCKET` says: a path, or `@name` for the abstract namespace.
    public let address: String
    private let descriptor: Int32

    /// A socket at a fresh path in the temporary folder, or with a fresh abstract name.
    public init(abstract: Bool = false) throws {
        let name = "kizuna-notify-\(UUID().uuidString.prefix(8))"
        address = abstract ? "@" + name : FileManager.default.temporaryDirectory.appendingPathComponent(name).path
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.init(rawValue: errno)!) }
        var socketAddress = sockaddr_un()
        socketAddress.sun_family = sa_family_t(AF_UNIX)
        // An abstract name starts with a NUL byte where `@` is written.
        let bytes = abstract ? [0] + Array(name.utf8) : Array(address.utf8)
        withUnsafeMutableBytes(of: &socketAddress.sun_path) { raw in raw.copyBytes(from: bytes) }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + bytes.count + (abstract ? 0 : 1))
        let bound = withUnsafePointer(to: &socketAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        guard bound == 0 else { throw POSIXError(.init(rawValue: errno)!) }
    }

    deinit {
        close(descriptor)
        if !address.hasPrefix("@") { unlink(address) }
    }

    /// The next datagram, or `nil` if none arrives within `timeout`.
    public func receive(timeout: Duration = .seconds(10)) -> String? {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        guard poll(&poller, 1, milliseconds) == 1 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(descriptor, &buffer, buffer.count, 0)
        return count >= 0 ? String(decoding: buffer.prefix(count), as: UTF8.self) : nil
    }

    /// Every datagram that has already arrived.
    public func drain() -> [String] {
        var messages: [String] = []
        while let message = receive(timeout: .zero) { messages.append(message) }
        return messages
    }
}
