import Dispatch
import Foundation
import Synchronization
import Testing

@testable import KizunaDaemon

@Suite("Watching a folder with inotify", .timeLimit(.minutes(5)))
struct DirectoryWatcherTests {
    @Test("a file written, moved in and deleted is reported by name")
    func reportsNames() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kizunad-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let seen = Mutex<[String]>([])
        let watcher = try DirectoryWatcher(
            directory: folder.path, events: DirectoryWatcher.fileEvents, queue: DispatchQueue(label: "watch")
        ) { names in seen.withLock { $0 += names } }
        defer { watcher.cancel() }
        try "a: 1".write(to: folder.appendingPathComponent("one.yaml"), atomically: false, encoding: .utf8)
        try "b: 2".write(to: folder.appendingPathComponent("two.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("one.yaml"))
        let deadline = ContinuousClock.now + .seconds(5)
        while ContinuousClock.now < deadline, !seen.withLock({ Set($0).isSuperset(of: ["one.yaml", "two.yaml"]) }) {
            usleep(10_000)
        }
        #expect(Set(seen.withLock { $0 }).isSuperset(of: ["one.yaml", "two.yaml"]))
    }

    @Test("the kernel's event records decode to their names")
    func decodesEvents() {
        func event(mask: UInt32, name: String) -> [UInt8] {
            var padded = Array(name.utf8) + [0]
            while padded.count % 16 != 0 { padded.append(0) }
            let words: [UInt32] = [1, mask, 0, UInt32(padded.count)]
            return words.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> (8 * $0)) } } + padded
        }
        let bytes = event(mask: 0x8, name: "health-risk.yaml") + event(mask: 0x4000, name: "") + event(mask: 0x80, name: "x")
        #expect(InotifyEvents.names(in: bytes[...]) == ["health-risk.yaml", "", "x"])
    }
}
