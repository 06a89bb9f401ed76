import MotCuaStore
import MotCuaTestSupport
import SQLKit
import Testing

/// Giao dịch trên PostgreSQL — a transaction runs on its connection's event loop, where PostgresNIO answers each
/// query, so its code resumes there after every round trip instead of waiting for a wake-up on another thread.
@Suite(.enabled(if: TestDatabases.postgresURL != nil, "needs MOTCUA_TEST_POSTGRES_URL"))
struct PostgresTransactionTests {
    @Test func aTransactionResumesOnItsConnectionsEventLoopAfterEveryQuery() async throws {
        try await TestDatabases.withDatabase(.postgres, demo: false) { database in
            let placesAfterEachQuery = try await database.write { db in
                var places: [Bool] = []
                try await db.raw("CREATE TEMPORARY TABLE on_loop (id BIGINT PRIMARY KEY) ON COMMIT DROP").run()
                places.append(db.eventLoop.inEventLoop)
                for id in 1...3 {
                    try await db.raw("INSERT INTO on_loop (id) VALUES (\(bind: id))").run()
                    places.append(db.eventLoop.inEventLoop)
                }
                let count = try await db.raw("SELECT COUNT(*) AS n FROM on_loop").first()?.decode(column: "n", as: Int.self)
                places.append(db.eventLoop.inEventLoop && count == 3)
                return places
            }
            #expect(placesAfterEachQuery == [true, true, true, true, true])
        }
    }
}
