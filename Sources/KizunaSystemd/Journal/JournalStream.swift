#if canImport(Glibc)
    import Glibc
#endif

/// The device and inode of a stream connected to journald, as systemd announces them in
/// `JOURNAL_STREAM` (`DEVICE:INODE`, in decimal) to a service whose output goes to the journal.
public struct JournalStream: Equatable, Sendable {
    public var device: UInt64
    public var inode: UInt64

    public init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }

    /// Reads `DEVICE:INODE`; `nil` for anything else.
    public init?(environmentValue value: String) {
        let parts = value.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else { return nil }
        self.init(device: device, inode: inode)
    }

    /// The device and inode of an open file descriptor, or `nil` if it is not open.
    public init?(fileDescriptor: Int32) {
        var status = stat()
        guard fstat(fileDescriptor, &status) == 0 else { return nil }
        self.init(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    }

    /// Whether standard error is the stream `JOURNAL_STREAM` names. A child process inherits
    /// the variable but not always the stream, hence the comparison (`sd_journal_stream_fd(3)`).
    public static func isStandardError(journalStreamVariable value: String?) -> Bool {
        guard let value, let announced = JournalStream(environmentValue: value) else { return false }
        return JournalStream(fileDescriptor: STDERR_FILENO) == announced
    }
}
