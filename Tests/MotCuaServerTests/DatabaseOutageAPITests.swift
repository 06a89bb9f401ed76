import Foundation
import HTTPTypes
import MotCuaStore
import MotCuaTestSupport
import SQLKit
import Testing

/// While PostgreSQL refuses MotCua's connections, every request is answered 503 `database-unavailable` with a time to
/// retry — JSON for the API, a page for the browser — never 500; once it takes them again, the same server serves.
@Suite(.enabled(if: TestDatabases.postgresURL != nil, "needs MOTCUA_TEST_POSTGRES_URL"))
struct DatabaseOutageAPITests {
    @Test func whileTheDatabaseRefusesConnectionsRequestsAre503AndServedAgainAfter() async throws {
        try await APIHarness.run(.postgres, clock: TestClock(local: "2026-03-02T09:00:00")) { api, database in
            let token = try await api.signIn("motcua.badinh")
            let name = try await database.read { db in
                try await db.raw("SELECT current_database() AS name").first()?.decode(column: "name", as: String.self) ?? ""
            }
            try await Self.refuseConnections(to: name, true)
            do {
                let health = try await api.send(.get, "/healthz")
                #expect(health.status == .serviceUnavailable)
                #expect(health.json["code"] as? String == "database-unavailable")
                #expect(health.headers[.retryAfter] == "5")
                let intake = try await api.send(.post, "/api/dossiers", token: token, json: LifecycleJourney.intakeBody,
                                                headers: [HTTPField.Name("Idempotency-Key")!: "outage-1"])
                #expect(intake.status == .serviceUnavailable)
                #expect((intake.json["detail"] as? String)?.contains("cơ sở dữ liệu") == true)
                let page = try await api.send(.get, "/")
                #expect(page.status == .serviceUnavailable)
                #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
                #expect(page.text.contains("tạm thời không truy cập được cơ sở dữ liệu"))
            } catch {
                try await Self.refuseConnections(to: name, false)
                throw error
            }
            try await Self.refuseConnections(to: name, false)
            #expect(try await api.send(.get, "/healthz").status == .ok)
            let intake = try await api.send(.post, "/api/dossiers", token: token, json: LifecycleJourney.intakeBody,
                                            headers: [HTTPField.Name("Idempotency-Key")!: "outage-1"])
            #expect(intake.status == .created)
        }
    }

    /// Makes PostgreSQL refuse new connections to the database `name` and closes those it has (`refuse`), or lets
    /// them in again — from a connection to the server's own test database, which stays open.
    static func refuseConnections(to name: String, _ refuse: Bool) async throws {
        guard let server = TestDatabases.postgresURL else { return }
        try await TestDatabases.withOpened(server) { admin in
            try await admin.read { db in
                try await db.raw("ALTER DATABASE \(ident: name) CONNECTION LIMIT \(unsafeRaw: refuse ? "0" : "-1")").run()
                if refuse {
                    try await db.raw("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = \(bind: name)").run()
                }
            }
        }
    }
}
