@testable import MotCuaStore
import MotCuaTestSupport
import SQLKit
import Testing

/// PostgreSQL's settings that decide whether a commit MotCua has answered survives a power cut: MotCua's sessions
/// wait for the log's flush whatever the database's default, and a server that does not flush is named at opening.
@Suite struct PostgresDurabilityTests {
    static let safe = ["fsync": "on", "full_page_writes": "on", "synchronous_commit": "on"]

    @Test(arguments: [
        (safe, [String]()),
        (safe.merging(["synchronous_commit": "local"]) { $1 }, []),
        (safe.merging(["synchronous_commit": "remote_apply"]) { $1 }, []),
        (safe.merging(["fsync": "off"]) { $1 }, ["fsync=off"]),
        (safe.merging(["full_page_writes": "off"]) { $1 }, ["full_page_writes=off"]),
        (safe.merging(["synchronous_commit": "off"]) { $1 }, ["synchronous_commit=off"]),
        (["fsync": "off", "full_page_writes": "off", "synchronous_commit": "off"],
         ["fsync=off", "full_page_writes=off", "synchronous_commit=off"]),
    ])
    func risksNameEachSettingThatLetsAPowerCutLoseCommits(settings: [String: String], named: [String]) {
        let risks = PostgresDurability.risks(in: settings)
        #expect(risks.map { String($0.prefix { $0 != ":" }) } == named)
    }

    @Test(.enabled(if: TestDatabases.postgresURL != nil, "needs MOTCUA_TEST_POSTGRES_URL"))
    func motCuasSessionsFlushTheirCommitsWhenTheDatabaseDefaultsToNot() async throws {
        try await TestDatabases.withEmpty(.postgres) { location in
            try await TestDatabases.withOpened(location) { database in
                try await database.read { db in
                    let name = try await db.raw("SELECT current_database() AS name").first()?.decode(column: "name", as: String.self) ?? ""
                    try await db.raw("ALTER DATABASE \(ident: name) SET synchronous_commit = off").run()
                }
            }
            try await TestDatabases.withOpened(location) { database in
                let (defaultSetting, sessionSetting) = try await database.read { db in
                    let stored = try await db.raw("""
                        SELECT array_to_string(setconfig, ',') AS config FROM pg_db_role_setting
                        WHERE setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database())
                        """).first()?.decode(column: "config", as: String.self)
                    let session = try await db.raw("SHOW synchronous_commit").first()?.decode(column: "synchronous_commit", as: String.self)
                    return (stored, session)
                }
                #expect(defaultSetting == "synchronous_commit=off")
                #expect(sessionSetting == "on")
                #expect(try await database.durabilityRisks() == [])
            }
        }
    }
}
