import KizunaCore
import Testing

@Suite(.timeLimit(.minutes(5)))
struct ChunkChannelTests {
    @Test func chunksComeInOrderOneAtATimeOrAllThatWait() throws {
        let channel = ChunkChannel<Int>()
        for chunk in 1...3 { channel.send(chunk) }
        #expect(try channel.next() == 1)
        #expect(try channel.nextAll() == [2, 3])
        channel.send(4)
        channel.finish()
        #expect(try channel.nextAll() == [4])
        // The end, seen by every later call.
        #expect(try channel.nextAll() == [])
        #expect(try channel.next() == nil)
    }

    @Test func anAbandonedChannelThrowsAtEveryLaterCall() {
        let channel = ChunkChannel<Int>()
        channel.send(1)
        channel.abandon()
        #expect(throws: ChunkChannel<Int>.Abandoned.self) { try channel.nextAll() }
        #expect(throws: ChunkChannel<Int>.Abandoned.self) { try channel.next() }
    }

    @Test func aChunkSentFromAnotherThreadIsWaitedFor() throws {
        let channel = ChunkChannel<Int>()
        let sender = BackgroundResult { () throws(Never) in channel.send(7) }
        #expect(try channel.nextAll() == [7])
        sender.value()
    }
}
