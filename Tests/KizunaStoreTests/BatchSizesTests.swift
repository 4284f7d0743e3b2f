import Testing

@testable import KizunaStore

/// The sizes of a pass's batches, from made-up write durations.
@Suite("Batch sizes") struct BatchSizesTests {
    /// One batch written: its customers, how long its write took, and how long the pass then
    /// waited for the next plan.
    struct Write {
        var customers: Int
        var took: Duration
        var waited: Duration = .zero
    }

    /// The size of the next batch after each of `writes`.
    func sizes(_ sizing: BatchSizing = .standard, after writes: [Write]) -> [Int] {
        var sizes = BatchSizes(sizing)
        return writes.map { write in
            sizes.record(customers: write.customers, took: write.took, waited: write.waited)
            return sizes.next
        }
    }

    @Test func aFixedSizeStaysWhateverTheWritesTake() {
        let writes = [Write(customers: 10, took: .milliseconds(1)), Write(customers: 10, took: .seconds(30))]
        #expect(sizes(.fixed(10), after: writes) == [10, 10])
    }

    @Test func timedSizesStartAtFiveThousand() {
        #expect(BatchSizes(.standard).next == 5_000)
    }

    @Test func aBatchIsSizedToTakeTheTargetAtTheSpeedOfTheOneMeasured() {
        let writes = [Write(customers: 5_000, took: .milliseconds(800)), Write(customers: 6_250, took: .milliseconds(1_250))]
        #expect(sizes(.timed(target: .seconds(1)), after: writes) == [6_250, 5_000])
    }

    @Test func quickWritesGrowBatchesAtMostTwofoldEachTime() {
        let writes = [
            Write(customers: 5_000, took: .milliseconds(100)), Write(customers: 10_000, took: .zero),
            Write(customers: 20_000, took: .milliseconds(100)),
        ]
        #expect(sizes(after: writes) == [10_000, 20_000, BatchSizes.maximum])
    }

    @Test func slowWritesShrinkBatchesAtMostByHalfEachTime() {
        let writes = [
            Write(customers: 5_000, took: .seconds(10)), Write(customers: 2_500, took: .seconds(3)),
            Write(customers: 1_250, took: .seconds(3)), Write(customers: 625, took: .seconds(3)),
        ]
        #expect(sizes(after: writes) == [2_500, 1_250, 625, BatchSizes.minimum])
    }

    /// A pass cuts each batch before the write of the one before is measured: sizes follow the
    /// latest size cut, not the smaller batch measured, so they do not seesaw. (The second
    /// batch, cut at 5,000 before the first was measured, is written as quickly.)
    @Test func quickWritesGrowFromTheLatestSizeNotFromTheBatchMeasured() {
        let writes = [
            Write(customers: 5_000, took: .milliseconds(100)), Write(customers: 5_000, took: .milliseconds(100)),
            Write(customers: 10_000, took: .milliseconds(500)),
        ]
        #expect(sizes(after: writes) == [10_000, 20_000, 20_000])
    }

    /// A pass that changes little waits for its plans, its writes quick: its batches do not
    /// grow. A wait shorter than the write still lets them grow.
    @Test func aPassWaitingForItsPlansLongerThanItsWritesDoesNotGrowBatches() {
        let writes = [
            Write(customers: 5_000, took: .milliseconds(50), waited: .milliseconds(200)),
            Write(customers: 5_000, took: .milliseconds(100), waited: .milliseconds(60)),
            Write(customers: 5_000, took: .seconds(2), waited: .seconds(3)),
        ]
        #expect(sizes(after: writes) == [5_000, 10_000, 5_000])
    }

    @Test func aShortLastBatchIsMeasuredByItsOwnCount() {
        let writes = [
            Write(customers: 1_000, took: .milliseconds(400)), Write(customers: 2_000, took: .milliseconds(500)),
            Write(customers: 0, took: .seconds(5)),
        ]
        #expect(sizes(after: writes) == [2_500, 4_000, 4_000])
    }
}
