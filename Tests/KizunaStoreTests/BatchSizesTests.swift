import Testing

@testable import KizunaStore

/// The sizes of a pass's batches, from made-up write durations.
@Suite("Batch sizes") struct BatchSizesTests {
    @Test func aFixedSizeStaysWhateverTheWritesTake() {
        var sizes = BatchSizes(.fixed(10))
        sizes.record(customers: 10, took: .milliseconds(1))
        #expect(sizes.next == 10)
        sizes.record(customers: 10, took: .seconds(30))
        #expect(sizes.next == 10)
    }

    @Test func timedSizesStartAtFiveThousand() {
        #expect(BatchSizes(.standard).next == 5_000)
    }

    @Test func aBatchIsSizedToTakeTheTargetAtTheSpeedOfTheOneMeasured() {
        var sizes = BatchSizes(.timed(target: .seconds(1)))
        sizes.record(customers: 5_000, took: .milliseconds(800))
        #expect(sizes.next == 6_250)
        sizes.record(customers: 6_250, took: .milliseconds(1_250))
        #expect(sizes.next == 5_000)
    }

    @Test func quickWritesGrowBatchesAtMostTwofoldEachTime() {
        var sizes = BatchSizes(.standard)
        sizes.record(customers: 5_000, took: .milliseconds(100))
        #expect(sizes.next == 10_000)
        sizes.record(customers: 10_000, took: .zero)
        #expect(sizes.next == 20_000)
        sizes.record(customers: 20_000, took: .milliseconds(100))
        #expect(sizes.next == BatchSizes.maximum)
    }

    @Test func slowWritesShrinkBatchesAtMostByHalfEachTime() {
        var sizes = BatchSizes(.standard)
        sizes.record(customers: 5_000, took: .seconds(10))
        #expect(sizes.next == 2_500)
        sizes.record(customers: 2_500, took: .seconds(3))
        #expect(sizes.next == 1_250)
        sizes.record(customers: 1_250, took: .seconds(3))
        sizes.record(customers: 625, took: .seconds(3))
        #expect(sizes.next == BatchSizes.minimum)
    }

    /// A pass cuts each batch before the write of the one before is measured: sizes follow the
    /// latest size cut, not the smaller batch measured, so they do not seesaw.
    @Test func quickWritesGrowFromTheLatestSizeNotFromTheBatchMeasured() {
        var sizes = BatchSizes(.standard)
        sizes.record(customers: 5_000, took: .milliseconds(100))
        #expect(sizes.next == 10_000)
        // The second batch, cut at 5,000 before the first was measured, is written as quickly.
        sizes.record(customers: 5_000, took: .milliseconds(100))
        #expect(sizes.next == 20_000)
        sizes.record(customers: 10_000, took: .milliseconds(500))
        #expect(sizes.next == 20_000)
    }

    /// A pass that changes little waits for its plans, its writes quick: its batches do not grow.
    @Test func aPassWaitingForItsPlansLongerThanItsWritesDoesNotGrowBatches() {
        var sizes = BatchSizes(.standard)
        sizes.record(customers: 5_000, took: .milliseconds(50), waited: .milliseconds(200))
        #expect(sizes.next == 5_000)
        // A wait shorter than the write still lets them grow.
        sizes.record(customers: 5_000, took: .milliseconds(100), waited: .milliseconds(60))
        #expect(sizes.next == 10_000)
        sizes.record(customers: 5_000, took: .seconds(2), waited: .seconds(3))
        #expect(sizes.next == 5_000)
    }

    @Test func aShortLastBatchIsMeasuredByItsOwnCount() {
        var sizes = BatchSizes(.standard)
        sizes.record(customers: 1_000, took: .milliseconds(400))
        #expect(sizes.next == 2_500)
        sizes.record(customers: 2_000, took: .milliseconds(500))
        #expect(sizes.next == 4_000)
        sizes.record(customers: 0, took: .seconds(5))
        #expect(sizes.next == 4_000)
    }
}
