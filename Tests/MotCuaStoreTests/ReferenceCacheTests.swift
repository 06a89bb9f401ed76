import Foundation
import MotCuaCore
@testable import MotCuaStore
import MotCuaTestSupport
import SQLKit
import Synchronization
import Testing

/// The reference data kept in memory: remembered while nothing changes, and any change — through a store or by
/// hand in SQL, to any of the tables an intake is checked against — seen by the next look-up.
@Suite struct ReferenceCacheTests {
    static let agency = "000.30.01.H26"

    /// Each statement changes one reference table, as an operator might by hand.
    static let changes: [String] = [
        "UPDATE procedures SET name = name || ' ' WHERE code = '1.004873'",
        "UPDATE agencies SET name = 'Ủy ban nhân dân phường Ba Đình (mới)' WHERE code = '000.30.01.H26'",
        "UPDATE admin_units SET name = name || ' ' WHERE code = (SELECT MIN(code) FROM admin_units)",
        "UPDATE process_definitions SET saved_by = saved_by || ' ' WHERE process_key = '1.004873'",
        """
        INSERT INTO delegations (delegating_agency, number, delegate_agency, effective_from, recorded_by, recorded_at, body)
        VALUES ('000.00.00.H26', '99/QĐ-UBND', '000.30.01.H26', '2026-01-01', 'kiem-thu', 0, '{}')
        """,
        "INSERT INTO delegation_procedures (delegating_agency, number, procedure_code) VALUES ('000.00.00.H26', '99/QĐ-UBND', '1.004873')",
        "DELETE FROM delegation_procedures WHERE number = '99/QĐ-UBND'",
    ]

    @Test(arguments: TestEngine.available)
    func everyChangeToTheReferenceTablesMovesTheRevision(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, demo: true) { database in
            let cache = ReferenceCache(database: database)
            var revision = try await cache.current().revision
            for change in Self.changes {
                try await database.write { try await $0.raw(SQLQueryString(change)).run() }
                let next = try await cache.current().revision
                #expect(next > revision, "\(change)")
                revision = next
            }
            try await database.write { try await $0.raw("UPDATE dossier_sequences SET last = last").run() }
            #expect(try await cache.current().revision == revision, "a dossier's sequence is not reference data")
        }
    }

    /// What a token is checked against counts too — the account's name, password, standing and roles, the token
    /// itself — but not a new token, and not what anyone can cause by guessing passwords.
    @Test(arguments: TestEngine.available)
    func accountChangesMoveTheRevisionButFailedSignInsDoNot(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, demo: true) { database in
            let cache = ReferenceCache(database: database)
            let users = UserStore(database: database)
            let now = Date()
            var revision = try await cache.current().revision
            func expectRevision(moved: Bool, _ what: String, _ change: () async throws -> Void) async throws {
                try await change()
                let next = try await cache.current().revision
                #expect((next > revision) == moved, "\(what)")
                revision = next
            }
            func run(_ sql: String) async throws { try await database.write { try await $0.raw(SQLQueryString(sql)).run() } }
            try await expectRevision(moved: false, "a new token") {
                try await users.saveToken(hash: "ma-moi", username: "motcua.badinh", kind: "api", now: now, expiresAt: now + 3600)
            }
            try await expectRevision(moved: false, "a failed sign-in") {
                _ = try await users.recordFailedSignIn(username: "motcua.badinh", from: "10.0.0.1", at: now)
            }
            try await expectRevision(moved: false, "a lockout") { try await run("UPDATE users SET locked_until = 1 WHERE username = 'motcua.badinh'") }
            try await expectRevision(moved: true, "a name") { try await run("UPDATE users SET full_name = 'Cán bộ A' WHERE username = 'motcua.badinh'") }
            try await expectRevision(moved: true, "a password") { try await run("UPDATE users SET password_hash = 'x' WHERE username = 'motcua.badinh'") }
            try await expectRevision(moved: true, "a locked account") { try await run("UPDATE users SET active = 0 WHERE username = 'motcua.badinh'") }
            try await expectRevision(moved: true, "a role taken away") { try await run("DELETE FROM user_roles WHERE username = 'motcua.badinh'") }
            try await expectRevision(moved: true, "a role given") {
                try await run("INSERT INTO user_roles (username, agency_code, role) VALUES ('motcua.badinh', '000.30.01.H26', 'mot-cua')")
            }
            try await expectRevision(moved: true, "a token's expiry") { try await run("UPDATE tokens SET expires_at = 1 WHERE token_hash = 'ma-moi'") }
            try await expectRevision(moved: true, "a token revoked") { try await users.deleteToken(hash: "ma-moi") }
        }
    }

    /// A token's officer is remembered while nothing it depends on changes; a token not found is not remembered.
    @Test(arguments: TestEngine.available)
    func aTokensOfficerIsRememberedUntilTheAccountChanges(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, demo: true) { database in
            let cache = ReferenceCache(database: database)
            let users = UserStore(database: database)
            let now = Date(epochSeconds: 1_795_000_000)
            #expect(try await cache.current().session(forTokenHash: "ma-chua-cap") == nil)
            try await users.saveToken(hash: "ma-chua-cap", username: "motcua.badinh", kind: "api", now: now, expiresAt: now + 3600)
            let session = try #require(try await cache.current().session(forTokenHash: "ma-chua-cap"),
                                       "a token not found before it was issued is found once it is")
            #expect(session.officer.username == "motcua.badinh" && session.expiresAt == now + 3600)
            #expect(session.officer(at: now)?.username == "motcua.badinh")
            #expect(session.officer(at: now + 3600) == nil, "expired at its expiry")
            try await database.write { try await $0.raw("UPDATE users SET active = 0 WHERE username = 'motcua.badinh'").run() }
            #expect(try await cache.current().session(forTokenHash: "ma-chua-cap")?.officer(at: now) == nil, "a locked account is refused at once")
            try await database.write { try await $0.raw("UPDATE users SET active = 1 WHERE username = 'motcua.badinh'").run() }
            #expect(try await cache.current().session(forTokenHash: "ma-chua-cap")?.officer(at: now) != nil)
            try await users.deleteToken(hash: "ma-chua-cap")
            #expect(try await cache.current().session(forTokenHash: "ma-chua-cap") == nil, "a revoked token is refused at once")
        }
    }

    @Test(arguments: TestEngine.available)
    func aLookUpIsRememberedUntilTheDataChanges(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, demo: true) { database in
            let cache = ReferenceCache(database: database)
            let first = try await cache.current()
            let agency = try #require(try await first.agency(code: Self.agency))
            let loads = Mutex(0)
            let again = try await cache.value("co-quan:\(Self.agency)", at: try await cache.current().revision) {
                loads.withLock { $0 += 1 }
                return Optional<Agency>.none
            }
            #expect(again == agency, "the same revision is answered from memory")
            #expect(loads.withLock { $0 } == 0)
            let procedure = try await first.procedure(code: "1.004873")
            try await database.write { try await $0.raw(SQLQueryString(Self.changes[1])).run() }
            let renamed = try await cache.current().agency(code: Self.agency)
            #expect(renamed?.name == "Ủy ban nhân dân phường Ba Đình (mới)")
            let procedureAgain = try await cache.value("thu-tuc:1.004873", at: try await cache.current().revision) {
                loads.withLock { $0 += 1 }
                return procedure
            }
            #expect(procedureAgain == procedure && loads.withLock { $0 } == 1,
                    "a newer revision forgets every look-up, not only the one that first saw it")
            #expect(try await first.agency(code: Self.agency) == renamed, "an older snapshot reads the database, not the old memory")
        }
    }

    /// The memory is bounded: past its capacity each new look-up lets go of the one remembered longest ago, and
    /// only that one.
    @Test func pastItsCapacityTheMemoryLetsGoOfItsOldestLookUp() async throws {
        try await TestDatabases.withDatabase(.sqlite, demo: false) { database in
            let cache = ReferenceCache(database: database)
            let loads = Mutex(0)
            for index in 0...ReferenceCache.capacity {
                _ = try await cache.value("k\(index)", at: 0) { loads.withLock { $0 += 1 }; return index }
            }
            _ = try await cache.value("k0", at: 0) { loads.withLock { $0 += 1 }; return 0 }
            #expect(loads.withLock { $0 } == ReferenceCache.capacity + 2, "the first key was let go of when the memory filled")
            _ = try await cache.value("k2", at: 0) { loads.withLock { $0 += 1 }; return 0 }
            _ = try await cache.value("k\(ReferenceCache.capacity)", at: 0) { loads.withLock { $0 += 1 }; return 0 }
            #expect(loads.withLock { $0 } == ReferenceCache.capacity + 2, "the other keys are all still remembered")
        }
    }
}
