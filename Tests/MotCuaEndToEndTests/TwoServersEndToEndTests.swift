import Foundation
import MotCuaCore
import MotCuaStore
import MotCuaTestSupport
import SQLKit
import Testing

/// Two real `motcua serve` processes on one PostgreSQL database, as a city runs them behind a load balancer:
/// two specialists claiming the same items through different servers never both get one, the SLA watch of both
/// servers escalates each overdue step exactly once, and a session ended through one is refused by the other.
@Suite(.serialized) struct TwoServersEndToEndTests {
    static let dossiers = 8

    @Test(.enabled(if: TestEngine.available.contains(.postgres)))
    func twoServersNeverDoubleAssignOrDoubleEscalate() async throws {
        try await TestDatabases.withEmpty(.postgres, Self.run(database:))
    }

    static func run(database: String) async throws {
        let first = try await ServerProcess(database: database, extraArguments: ["--demo", "--sla-watch-seconds", "1"])
        defer { first.stop() }
        let second = try await ServerProcess(database: database, extraArguments: ["--sla-watch-seconds", "1"])
        defer { second.stop() }
        var codes: [String] = []
        for _ in 0..<dossiers {
            let code = try await first.client.receiveDossier()
            for action in [DossierAction.accept, .forward] {
                let response = try await second.client.act(code, action, as: "motcua.badinh")
                try #require(response.status == .ok, "\(response.text)")
            }
            codes.append(code)
        }

        // Both specialists claim every item at once, each through a different server.
        for code in codes {
            async let viaFirst = first.client.act(code, .claim, as: "chuyenvien.badinh")
            async let viaSecond = second.client.act(code, .claim, as: "chuyenvien2.badinh")
            let statuses = [try await viaFirst.status, try await viaSecond.status]
            #expect(statuses.filter { $0 == .ok }.count == 1, "\(code): \(statuses)")
            let claims = try await claimEvents(code, first.client)
            #expect(claims.count == 1, "\(code): one claim recorded")
            #expect(try await first.client.openItems(code).first?["assignee"] as? String == claims.first?["actor"] as? String)
        }

        // Time passes: every examination step is now past its deadline (the data says so; the servers' clocks are real).
        try await makeOverdue(codes, database: database)
        var escalated: [String: Int] = [:]
        for _ in 0..<120 {
            try await Task.sleep(for: .milliseconds(250))
            escalated = try await alarmCounts(codes, first.client)
            if escalated.values.reduce(0, +) >= codes.count { break }
        }
        // Both watchers keep sweeping a few more rounds; nothing may be raised twice.
        try await Task.sleep(for: .seconds(3))
        escalated = try await alarmCounts(codes, second.client)
        #expect(codes.allSatisfy { escalated[$0] == 1 }, "\(escalated)")
    }

    /// Each server remembers the officer behind a token until an account, a role or a token changes: a session
    /// ended through one server is refused at once by the other, and so is every session of an account locked by
    /// hand in the database.
    @Test(.enabled(if: TestEngine.available.contains(.postgres)))
    func aSessionEndedOnOneServerIsRefusedAtOnceOnTheOther() async throws {
        try await TestDatabases.withEmpty(.postgres, Self.endSessions(database:))
    }

    static func endSessions(database: String) async throws {
        let first = try await ServerProcess(database: database, extraArguments: ["--demo"])
        defer { first.stop() }
        let second = try await ServerProcess(database: database, extraArguments: [])
        defer { second.stop() }
        func statuses(_ token: String) async throws -> [Int] {
            [try await first.client.send(.get, "/api/dossiers", token: token).status.code,
             try await second.client.send(.get, "/api/dossiers", token: token).status.code]
        }
        let token = try await first.client.signIn("motcua.badinh")
        #expect(try await statuses(token) == [200, 200], "both servers now remember the token's officer")
        #expect(try await second.client.send(.delete, "/api/sessions", token: token).status.code == 204)
        #expect(try await statuses(token) == [401, 401], "signed out through the second server")

        let again = try await second.client.signIn("motcua.badinh")
        #expect(try await statuses(again) == [200, 200])
        try await TestDatabases.withOpened(database) { direct in
            try await direct.write { try await $0.raw("UPDATE users SET active = 0 WHERE username = 'motcua.badinh'").run() }
        }
        #expect(try await statuses(again) == [401, 401], "the account locked by hand in the database")
    }

    static func claimEvents(_ code: String, _ client: APIClient) async throws -> [[String: Any]] {
        let token = try await client.signIn("motcua.badinh")
        return try await client.send(.get, "/api/dossiers/\(code)/events", token: token).jsonArray
            .filter { $0["action"] as? String == DossierAction.claim.rawValue }
    }

    static func alarmCounts(_ codes: [String], _ client: APIClient) async throws -> [String: Int] {
        let token = try await client.signIn("motcua.badinh")
        var counts: [String: Int] = [:]
        for code in codes {
            let events = try await client.send(.get, "/api/dossiers/\(code)/events", token: token).jsonArray
            counts[code] = events.filter { $0["action"] as? String == StepAlarm.escalation.rawValue }.count
        }
        return counts
    }

    /// Moves each open item's deadline to an hour ago, as if the working days had run out.
    static func makeOverdue(_ codes: [String], database location: String) async throws {
        try await TestDatabases.withOpened(location) { database in
            let store = DossierStore(database: database)
            for code in codes {
                guard var dossier = try await store.dossier(code: code), var work = dossier.state.work else { continue }
                let before = dossier.state
                let past = Date().addingTimeInterval(-3600)
                for var item in work.openItems {
                    item.clock = LegalClock(due: past, pausedAt: nil, remainingWorkingSeconds: nil)
                    item.warnAt = past.addingTimeInterval(-3600)
                    work.update(item)
                }
                dossier.state.work = work
                dossier.state.version += 1
                let note = DossierEvent(sequence: dossier.state.version, action: "kiem-thu-lui-han", actor: "kiem-thu", at: Date(),
                                        fromStatus: dossier.state.status, toStatus: dossier.state.status,
                                        reason: "Kiểm thử: thời hạn bước đã qua", dueAfter: dossier.state.clock.due)
                let change = try DossierChange(dossier, from: before, event: note)
                _ = try await database.write { db in try await DossierStore.save(change, in: db) }
            }
        }
    }
}
