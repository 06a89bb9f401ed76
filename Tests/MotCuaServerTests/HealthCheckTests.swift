import Foundation
import MotCuaServer
import MotCuaStore
import MotCuaTestSupport
import Testing

/// `/healthz` on SQLite while the writer is held up — here by a write that keeps its thread until the test lets it go
/// (`ConnectionHold`), as a commit waiting for a stalled disk does — for longer than a request waits for the database:
/// 503 `database-unavailable` with a time to retry (its write, which changes nothing, is given up on at the deadline),
/// though reads still answer; 200 again once the writer moves on.
@Suite struct HealthCheckTests {
    @Test func aWriterHeldUpPastTheDeadlineMakesTheServerUnhealthyUntilItMovesOn() async throws {
        var config = AppConfig()
        config.databaseAnswerSeconds = 1
        try await APIHarness.run(.sqlite, clock: TestClock(local: "2026-03-02T09:00:00"), config: config) { api, database in
            #expect(try await api.send(.get, "/healthz").status == .ok)
            let hold = ConnectionHold()
            let heldSince = ContinuousClock.now
            async let held: Void = database.write(hold.body())
            try await hold.waitUntilHeld()
            var health = try await api.send(.get, "/healthz")
            while health.status == .ok, ContinuousClock.now - heldSince < .seconds(10) {
                try await Task.sleep(for: .milliseconds(100))
                health = try await api.send(.get, "/healthz")
            }
            let unhealthyAfter = ContinuousClock.now - heldSince
            hold.release()
            try await held
            #expect(health.status == .serviceUnavailable)
            #expect(health.json["code"] as? String == "database-unavailable")
            #expect(health.headers[.retryAfter] == "5")
            #expect(unhealthyAfter >= .seconds(1), "not before the writer was held for the time a request waits: \(unhealthyAfter)")
            #expect(try await api.send(.get, "/healthz").status == .ok)
        }
    }
}
