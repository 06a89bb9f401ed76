import Foundation
import MotCuaServer
import MotCuaStore
import MotCuaTestSupport
import SQLKit
import Testing

/// `/healthz` on SQLite while the writer is held up — here by a write that keeps its thread for 2.5 s, as a commit
/// waiting for a stalled disk does — for longer than a request waits for the database: 503 `database-unavailable`
/// with a time to retry, though reads still answer; 200 again once the writer moves on.
@Suite struct HealthCheckTests {
    @Test func aWriterHeldUpPastTheDeadlineMakesTheServerUnhealthyUntilItMovesOn() async throws {
        var config = AppConfig()
        config.databaseAnswerSeconds = 1
        try await APIHarness.run(.sqlite, clock: TestClock(local: "2026-03-02T09:00:00"), config: config) { api, database in
            #expect(try await api.send(.get, "/healthz").status == .ok)
            async let held: Void = database.write { db in
                _ = try await db.raw("SELECT 1").all()
                usleep(2_500_000)
            }
            try await Task.sleep(for: .milliseconds(1_400))
            let unhealthy = try await api.send(.get, "/healthz")
            #expect(unhealthy.status == .serviceUnavailable)
            #expect(unhealthy.json["code"] as? String == "database-unavailable")
            #expect(unhealthy.headers[.retryAfter] == "5")
            try await held
            #expect(try await api.send(.get, "/healthz").status == .ok)
        }
    }
}
