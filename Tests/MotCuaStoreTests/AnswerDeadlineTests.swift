import Foundation
@testable import MotCuaStore
import MotCuaTestSupport
import SQLKit
import Testing

/// A request's deadline for PostgreSQL's answers: a statement not answered by then has its connection closed and the
/// work fails as the database out of reach, after the time allowed and not when the statement ends; every use of a
/// connection after it shares the time left; work without a deadline waits as long as it takes; and the pool serves
/// again at once.
@Suite(.enabled(if: TestDatabases.postgresURL != nil)) struct AnswerDeadlineTests {
    /// A statement PostgreSQL answers only after `seconds`: for this test, a database that has stopped answering.
    static func sleep(_ seconds: Double, on database: Database) async throws {
        try await database.read { db in _ = try await db.raw("SELECT pg_sleep(\(literal: seconds))").all() }
    }

    @Test func aStatementNotAnsweredByTheDeadlineFailsThenAsTheDatabaseOutOfReach() async throws {
        try await TestDatabases.withDatabase(.postgres, demo: false) { database in
            let started = ContinuousClock.now
            await #expect(throws: DatabaseDidNotAnswer.self) {
                try await AnswerDeadline.$current.withValue(AnswerDeadline(allowed: .milliseconds(500))) {
                    try await Self.sleep(5, on: database)
                }
            }
            let waited = ContinuousClock.now - started
            #expect(waited >= .milliseconds(500) && waited < .seconds(3), "given up after the time allowed: \(waited)")
            #expect(DatabaseOutage.isOutage(DatabaseDidNotAnswer(allowed: .milliseconds(500))))
            let answer = try await database.read { db in try await db.raw("SELECT 1 AS one").first()?.decode(column: "one", as: Int.self) }
            #expect(answer == 1, "the pool serves again")
        }
    }

    @Test func theUsesOfConnectionsUnderOneDeadlineShareTheTimeLeft() async throws {
        try await TestDatabases.withDatabase(.postgres, demo: false) { database in
            let started = ContinuousClock.now
            await #expect(throws: DatabaseDidNotAnswer.self) {
                try await AnswerDeadline.$current.withValue(AnswerDeadline(allowed: .seconds(1))) {
                    try await Self.sleep(0.8, on: database)
                    try await Self.sleep(5, on: database)
                }
            }
            // Given what the first left, the second is given up on about 1 s from the start; given a second of its
            // own, at 1.8 s. Halfway between, so that a machine busy with other tests cannot blur the two.
            let waited = ContinuousClock.now - started
            #expect(waited < .milliseconds(1_400), "the second was given what the first left, not a second of its own: \(waited)")
            await #expect(throws: DatabaseDidNotAnswer.self, "nothing is asked once the deadline has passed") {
                try await AnswerDeadline.$current.withValue(AnswerDeadline(allowed: .zero)) {
                    try await database.read { db in _ = try await db.raw("SELECT 1").all() }
                }
            }
        }
    }

    @Test func workWithoutADeadlineWaitsAsLongAsItTakes() async throws {
        try await TestDatabases.withDatabase(.postgres, demo: false) { database in
            try await Self.sleep(1.2, on: database)
        }
    }
}
