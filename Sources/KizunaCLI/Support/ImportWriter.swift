import KizunaCore
import KizunaStore

/// Writes the records of an import file on another thread while the rest of the file is
/// read, chunk by chunk, in one transaction: the file is read and written in about the time
/// of the slower of the two.
///
/// The writer starts with the first chunk without a rejected row. A chunk with a rejected
/// row, unless rejected rows are skipped, abandons the import: the writer rolls its
/// transaction back, and the file changes nothing (the rest of it is still read, so that every
/// bad row is reported).
final class ImportWriter<Record: Sendable, Written: Sendable> {
    private let channel = ChunkChannel<[Record]>()
    private let skipInvalid: Bool
    /// Opens the store and writes every chunk `next` gives, in one transaction.
    private let write: @Sendable (_ next: () throws -> [Record]?) throws -> Written
    private var writing: BackgroundResult<Written, any Error>?
    private var abandoned = false

    init(skipInvalid: Bool, write: @escaping @Sendable (_ next: () throws -> [Record]?) throws -> Written) {
        self.skipInvalid = skipInvalid
        self.write = write
    }

    /// Hands the records of a chunk just read to the writer.
    func take(_ chunk: ImportResult<Record>) {
        guard !abandoned else { return }
        guard chunk.rejected.isEmpty || skipInvalid else { return abandon() }
        start()
        channel.send(chunk.records)
    }

    /// What the writer wrote, once it has committed the last chunk.
    func finish() throws -> Written {
        start()
        channel.finish()
        do {
            return try writing!.value()
        } catch let error as StoreError {
            throw fail(error)
        }
    }

    /// Stops the writer, and waits until it has rolled its transaction back.
    func abandon() {
        guard !abandoned else { return }
        abandoned = true
        channel.abandon()
        _ = try? writing?.value()
    }

    private func start() {
        guard writing == nil else { return }
        let (channel, write) = (channel, write)
        writing = BackgroundResult { () throws(any Error) in try write { try channel.next() } }
    }
}
