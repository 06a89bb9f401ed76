import Foundation
@testable import MotCuaStore
import MotCuaTestSupport
import SQLKit
import Synchronization
import Testing

/// A query on a PostgreSQL connection the server has closed fails at once: it must not wait for ever (a request
/// holding that connection would hang, and with it the server's shutdown). And what the log shows of a PostgreSQL
/// error keeps the query's values out.
@Suite(.enabled(if: TestDatabases.postgresURL != nil, "needs MOTCUA_TEST_POSTGRES_URL"))
struct ClosedConnectionTests {
    @Test func aQueryOnAConnectionTheServerClosedFailsInsteadOfWaiting() async throws {
        try await TestDatabases.withDatabase(.postgres, demo: false) { database in
            let outcome = Mutex<String?>(nil)
            let query = Task {
                do {
                    try await database.read { db in
                        _ = try? await db.raw("SELECT pg_terminate_backend(pg_backend_pid())").run()
                        try await Task.sleep(for: .milliseconds(300))  // the connection's channel is gone by now
                        _ = try await db.raw("SELECT 1 AS one").first()
                    }
                    outcome.withLock { $0 = "answered" }
                } catch {
                    outcome.withLock { $0 = "failed" }
                }
            }
            for _ in 0..<100 where outcome.withLock({ $0 }) == nil { try await Task.sleep(for: .milliseconds(50)) }
            #expect(outcome.withLock { $0 } == "failed", "a query on a closed connection neither answered nor failed in 5 s")
            if outcome.withLock({ $0 }) != nil { _ = await query.result }
        }
    }

    @Test func theLoggedTextOfAPostgreSQLErrorLeavesTheQuerysValuesOut() async throws {
        try await TestDatabases.withDatabase(.postgres, demo: false) { database in
            let secret = "Nguyễn Thị Bí Mật, số 7 ngõ Kín"
            let failure: (any Error)? = await {
                do {
                    try await database.read { db in
                        try await db.run("CREATE TEMPORARY TABLE applicants (name TEXT PRIMARY KEY)")
                        for _ in 0..<2 { try await db.run("INSERT INTO applicants (name) VALUES (\(bind: secret))") }
                    }
                    return nil
                } catch {
                    return error
                }
            }()
            let error = try #require(failure)
            #expect(String(reflecting: error).contains(secret), "PostgresNIO's error carries the query's values: the check below means something")
            #expect(!LoggedError.text(error).contains(secret))
            #expect(LoggedError.text(error).contains("23505"))
        }
    }
}
