import MotCuaStore
import MotCuaTestSupport
import Synchronization
import Testing

/// Blocking work (a kept file's write, flush or read) under a request's deadline: while the disk holds the work — here
/// a hold the test lets go (`ConnectionHold`) — its caller is answered `DatabaseDidNotAnswer` once the deadline passes,
/// and the work goes on to its end; a caller without a deadline waits for it; neither holds Swift's shared pool.
@Suite struct BlockingWorkTests {
    @Test func aCallerIsGivenUpOnAtItsDeadlineWhileTheDiskHoldsItsWork() async throws {
        let hold = ConnectionHold()
        let finished = Atomic(false)
        let bounded = try await DeadlineOutcome.of(.milliseconds(300)) {
            try await BlockingWork.run {
                hold.holdThisThread()
                finished.store(true, ordering: .releasing)
            }
        }
        #expect(bounded.givenUp, "the caller was answered while the work was held")
        let finishedWhileHeld = finished.load(ordering: .acquiring)
        #expect(!finishedWhileHeld, "the work was still held when its caller was answered")

        let second = ConnectionHold()
        async let patient = DeadlineOutcome.of(nil) { try await BlockingWork.run { second.holdThisThread() } }
        try await second.waitUntilHeld()
        let released = ContinuousClock.now
        hold.release()
        second.release()
        let unbounded = try await patient
        #expect(!unbounded.givenUp && unbounded.answeredAt >= released, "the caller without a deadline waited for its work")
        let answered = Atomic(0)
        let quick = try await DeadlineOutcome.of(.seconds(5)) { answered.store(try await BlockingWork.run { 6 * 7 }, ordering: .relaxed) }
        let answer = answered.load(ordering: .relaxed)
        #expect(!quick.givenUp && answer == 42, "work the disk answers at once is answered under a deadline")
    }
}
