import Foundation
@testable import MotCuaStore
import MotCuaTestSupport
import SQLKit
import Testing

/// A request's deadline on SQLite (`AnswerDeadline`, `GroupCommit`): while the writer is held up — here by a write that
/// keeps its thread until the test lets it go (`WriterHold`), as a commit waiting for a stalled disk does — a caller
/// under a deadline is answered `DatabaseDidNotAnswer` once it passes, not when the writer comes free; its write, still
/// waiting, never runs, and the write under way when its caller gave up is committed all the same. A caller without a
/// deadline waits, and the writer serves deadlines as before once it is free.
@Suite struct WriteDeadlineTests {
    static func insert(_ id: Int) -> @Sendable (any SQLDatabase) async throws -> Void {
        { db in try await db.raw("INSERT INTO wd (id) VALUES (\(bind: id))").run() }
    }

    /// How a caller's write ended: whether it was given up on, and when its caller had the answer.
    struct Outcome: Sendable {
        let givenUp: Bool
        let answeredAt: ContinuousClock.Instant
    }

    /// Runs `write` under a deadline of `allowed` (none if nil).
    static func outcome(_ allowed: Duration?, on database: Database,
                        _ write: @escaping @Sendable (any SQLDatabase) async throws -> Void) async throws -> Outcome {
        do {
            if let allowed {
                try await AnswerDeadline.$current.withValue(AnswerDeadline(allowed: allowed)) { try await database.write(write) }
            } else {
                try await database.write(write)
            }
            return Outcome(givenUp: false, answeredAt: .now)
        } catch is DatabaseDidNotAnswer {
            return Outcome(givenUp: true, answeredAt: .now)
        }
    }

    @Test func callersAreGivenUpOnAtTheirDeadlineWhileTheWriterIsHeldUp() async throws {
        try await TestDatabases.withDatabase(.sqlite, demo: false) { database in
            try await database.write { try await $0.raw("CREATE TABLE wd (id INTEGER PRIMARY KEY)").run() }
            let hold = WriterHold()
            async let holding = Self.outcome(.milliseconds(300), on: database, hold.body(Self.insert(1)))
            try await hold.waitUntilHeld()
            async let waiting = Self.outcome(.milliseconds(300), on: database, Self.insert(2))
            async let patient = Self.outcome(nil, on: database, Self.insert(3))
            let (held, waited) = try await (holding, waiting)
            #expect(held.givenUp, "the caller whose write holds the writer was answered while it was held")
            #expect(waited.givenUp, "the caller waiting for the writer was answered while it was held")

            let released = ContinuousClock.now
            hold.release()
            let unbounded = try await patient
            #expect(!unbounded.givenUp && unbounded.answeredAt >= released, "the caller without a deadline waited for the writer")
            let ids = try await database.read { db in
                try await db.raw("SELECT id FROM wd ORDER BY id").all().map { try $0.decode(column: "id", as: Int.self) }
            }
            #expect(ids == [1, 3], "the write under way was committed; the one given up on before its turn never ran")

            let after = try await Self.outcome(.seconds(5), on: database, Self.insert(4))
            #expect(!after.givenUp, "once the writer is free, a write under a deadline is done")
        }
    }
}
