import Foundation
@testable import MotCuaStore
import MotCuaTestSupport
import SQLKit
import Testing

/// A request's deadline on SQLite (`AnswerDeadline`, `GroupCommit`): while the writer is held up — here by a write that
/// keeps its thread for 1.5 s, as a commit waiting for a stalled disk does — a caller under a deadline is answered
/// `DatabaseDidNotAnswer` once it passes, not when the writer comes free; its write, still waiting, never runs, and
/// the write under way when its caller gave up is committed all the same. A caller without a deadline waits, and
/// the writer serves deadlines as before once it is free. Meanwhile the database says its writes are held up
/// (`writesHeldUp`, which `/healthz` asks).
@Suite struct WriteDeadlineTests {
    static func insert(_ id: Int, holdingTheWriterFor seconds: Double = 0) -> @Sendable (any SQLDatabase) async throws -> Void {
        { db in
            try await db.raw("INSERT INTO wd (id) VALUES (\(bind: id))").run()
            if seconds > 0 { usleep(UInt32(seconds * 1_000_000)) }
        }
    }

    /// Runs `write` under a deadline of `allowed`: how long its caller waited, and whether it was given up on.
    static func timed(_ allowed: Duration?, on database: Database,
                      _ write: @escaping @Sendable (any SQLDatabase) async throws -> Void) async throws -> (waited: Duration, givenUp: Bool) {
        let started = ContinuousClock.now
        do {
            if let allowed {
                try await AnswerDeadline.$current.withValue(AnswerDeadline(allowed: allowed)) { try await database.write(write) }
            } else {
                try await database.write(write)
            }
            return (ContinuousClock.now - started, false)
        } catch is DatabaseDidNotAnswer {
            return (ContinuousClock.now - started, true)
        }
    }

    @Test func callersAreGivenUpOnAtTheirDeadlineWhileTheWriterIsHeldUp() async throws {
        try await TestDatabases.withDatabase(.sqlite, demo: false) { database in
            try await database.write { try await $0.raw("CREATE TABLE wd (id INTEGER PRIMARY KEY)").run() }
            async let holding = Self.timed(.milliseconds(300), on: database, Self.insert(1, holdingTheWriterFor: 1.5))
            try await Task.sleep(for: .milliseconds(100))
            async let waiting = Self.timed(.milliseconds(300), on: database, Self.insert(2))
            async let patient = Self.timed(nil, on: database, Self.insert(3))
            try await Task.sleep(for: .milliseconds(400))
            #expect(database.writesHeldUp(longerThan: .milliseconds(300)), "the writer has not moved on for 500 ms")
            #expect(!database.writesHeldUp(longerThan: .seconds(1)))
            let (held, waited, unbounded) = try await (holding, waiting, patient)
            #expect(!database.writesHeldUp(longerThan: .milliseconds(300)), "the writer moved on")

            #expect(held.givenUp && held.waited < .seconds(1), "the caller whose write holds the writer: \(held)")
            #expect(waited.givenUp && waited.waited < .seconds(1), "the caller waiting for the writer: \(waited)")
            #expect(!unbounded.givenUp && unbounded.waited >= .seconds(1), "the caller without a deadline waited: \(unbounded)")
            let ids = try await database.read { db in
                try await db.raw("SELECT id FROM wd ORDER BY id").all().map { try $0.decode(column: "id", as: Int.self) }
            }
            #expect(ids == [1, 3], "the write under way was committed; the one given up on before its turn never ran")

            let after = try await Self.timed(.milliseconds(300), on: database, Self.insert(4))
            #expect(!after.givenUp, "once the writer is free, a write under a deadline is done")
        }
    }
}
