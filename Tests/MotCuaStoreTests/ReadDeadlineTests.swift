@testable import MotCuaStore
import MotCuaTestSupport
import Synchronization
import Testing

/// A request's deadline for SQLite's reads (`ReaderPool`): while the one reader is held up — here by a read that keeps
/// its thread until the test lets it go (`ConnectionHold`), as a read waiting for a stalled disk does — a caller under
/// a deadline is answered `DatabaseDidNotAnswer` once it passes, not when the reader comes free; its read, still
/// queued, never runs. A caller without a deadline waits, and the reader serves deadlines as before once it is free.
@Suite struct ReadDeadlineTests {
    @Test func callersAreGivenUpOnAtTheirDeadlineWhileTheReaderIsHeldUp() async throws {
        try await ReaderPool.withOneReader { pool in
            let hold = ConnectionHold()
            let held = hold.body()
            let queuedReadRan = Atomic(false)
            try await DeadlineOutcome.expectGivenUpWhileHeld("reader", hold, holding: { try await pool.read { try await held($0) } },
                                                             waiting: { try await pool.read { _ in queuedReadRan.store(true, ordering: .relaxed) } },
                                                             patient: { _ = try await pool.read { try await $0.raw("SELECT 1 AS one").all() } })
            let queuedReadDidRun = queuedReadRan.load(ordering: .relaxed)
            #expect(!queuedReadDidRun, "the read given up on before its turn never ran")

            let after = try await DeadlineOutcome.of(.seconds(5)) { _ = try await pool.read { try await $0.raw("SELECT 1 AS one").all() } }
            #expect(!after.givenUp, "once the reader is free, a read under a deadline is done")
        }
    }
}
