import KizunaDaemonState
import CKizunaLinux
import Dispatch
import Glibc

/// Watches one directory with inotify and reports the names of the entries that changed.
/// (Dispatch has no file-system sources on Linux, and no package wraps inotify, so this
/// reads the kernel's events itself.)
final class DirectoryWatcher: Sendable {
    let directory: String
    // Dispatch sources are thread-safe, but the Linux overlay does not mark them Sendable.
    nonisolated(unsafe) private let source: any DispatchSourceRead

    /// What the playbook and configuration folders are watched for: files written, moved in
    /// or out, created, deleted.
    static let fileEvents = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CREATE)

    /// Starts watching `directory` for `events`; `onChange` gets, on `queue`, the names the
    /// events of one read carry (an empty name when the kernel's queue overflowed).
    init(directory: String, events: UInt32, queue: DispatchQueue, onChange: @escaping @Sendable ([String]) -> Void) throws(SystemCallError) {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { throw SystemCallError(operation: "inotify_init1", path: directory, errno: errno) }
        guard inotify_add_watch(descriptor, directory, events) >= 0 else {
            let error = SystemCallError(operation: "inotify_add_watch", path: directory, errno: errno)
            close(descriptor)
            throw error
        }
        self.directory = directory
        source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue)
        source.setEventHandler {
            let names = Self.drain(descriptor)
            if !names.isEmpty { onChange(names) }
        }
        source.setCancelHandler { close(descriptor) }
        source.resume()
    }

    func cancel() { source.cancel() }

    /// Reads every pending event until `EAGAIN` and returns their entry names.
    private static func drain(_ descriptor: Int32) -> [String] {
        var names: [String] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            names += InotifyEvents.names(in: buffer[..<count])
        }
        return names
    }
}

/// Decodes the kernel's `struct inotify_event` records.
enum InotifyEvents {
    /// The size of an event's fixed part: `wd`, `mask`, `cookie`, `len`.
    static let headerSize = 16

    /// The entry name of each event in `bytes` (the name is `len` bytes, NUL-padded); an
    /// overflow of the kernel's queue yields an empty name.
    static func names(in bytes: ArraySlice<UInt8>) -> [String] {
        var names: [String] = []
        var offset = bytes.startIndex
        while offset + headerSize <= bytes.endIndex {
            let mask = word(bytes, at: offset + 4)
            let length = Int(word(bytes, at: offset + 12))
            let nameBytes = bytes[(offset + headerSize)..<min(offset + headerSize + length, bytes.endIndex)]
            if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                names.append("")
            } else {
                names.append(String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self))
            }
            offset += headerSize + length
        }
        return names
    }

    private static func word(_ bytes: ArraySlice<UInt8>, at offset: Int) -> UInt32 {
        (0..<4).reduce(UInt32(0)) { value, index in value | UInt32(bytes[offset + index]) << (8 * index) }
    }
}
