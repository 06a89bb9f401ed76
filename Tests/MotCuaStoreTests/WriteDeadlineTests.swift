import Foundation
@testable import MotCuaStore
import MotCuaTestSupport
import SQLKit
import Testing

/// A request's deadline on SQLite (`AnswerDeadline`, `GroupCommit`): while the writer is held up — here by a write that
/// keeps its thread until the test lets it go (`ConnectionHold`), as a commit waiting for a stalled disk does — a caller
/// under a deadline is answered `DatabaseDidNotAnswer` once it passes, not when the writer comes free; its write, still
/// waiting, never runs, and the write under way when its caller gave up is committed all the same. A caller without a
/// deadline waits, and the writer serves deadlines as before once it is free.
@Suite struct WriteDeadlineTests {
    static func insert(_ id: Int) -> @Sendable (any SQLDatabase) async throws -> Void {
        { db in try await db.raw("INSERT INTO wd (id) VALUES (\(bind: id))").run() }
    }

    @Test func callersAreGivenUpOnAtTheirDeadlineWhileTheWriterIsHeldUp() async throws {
        try await TestDatabases.withDatabase(.sqlite, demo: false) { database in
            try await database.write { try await $0.raw("CREATE TABLE wd (id INTEGER PRIMARY KEY)").run() }
            let hold = ConnectionHold()
            let held = hold.body(Self.insert(1))
            try await DeadlineOutcome.expectGivenUpWhileHeld("writer", hold, holding: { try await database.write(held) },
                                                             waiting: { try await database.write(Self.insert(2)) },
                                                             patient: { try await database.write(Self.insert(3)) })
            let ids = try await database.read { db in
                try await db.raw("SELECT id FROM wd ORDER BY id").all().map { try $0.decode(column: "id", as: Int.self) }
            }
            #expect(ids == [1, 3], "the write under way was committed; the one given up on before its turn never ran")

            let after = try await DeadlineOutcome.of(.seconds(5)) { try await database.write(Self.insert(4)) }
            #expect(!after.givenUp, "once the writer is free, a write under a deadline is done")
        }
    }
}
