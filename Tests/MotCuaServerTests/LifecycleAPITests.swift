import Foundation
import HTTPTypes
import MotCuaCore
import MotCuaStore
import MotCuaTestSupport
import Testing

/// The whole journey through the in-process router on each engine, at fixed times, so the appointments can be
/// written down as an officer would read them off the receipt.
@Suite struct LifecycleAPITests {
    static let times: [LifecycleJourney.Step: String] = [
        .intake: "2026-03-02T09:00:00", .accept: "2026-03-02T09:30:00", .forwardToSpecialist: "2026-03-02T10:00:00",
        .requestSupplement: "2026-03-03T10:00:00", .supplied: "2026-03-04T14:00:00", .extend: "2026-03-05T10:00:00",
        .forwardToLeader: "2026-03-06T09:00:00", .forwardToDesk: "2026-03-06T10:00:00", .finish: "2026-03-06T10:30:00",
        .returnResult: "2026-03-09T08:30:00",
    ]

    @Test(arguments: TestEngine.available)
    func aDossierGoesFromIntakeToResult(engine: TestEngine) async throws {
        let clock = TestClock(local: "2026-03-02T08:00:00")
        try await APIHarness.run(engine, clock: clock) { client, database in
            let outcome = try await LifecycleJourney(client: client) { step in clock.set(local: Self.times[step]!) }.run()
            #expect(outcome.code == "000.30.01.H26-260302-0001")
            let due = outcome.events.map { $0["dueAfter"] as? String }
            // Mon 09:00 + 3 working days; acceptance at 09:30 restarts it.
            #expect(due[0] == "2026-03-05T09:00:00+07:00")
            #expect(due[1] == "2026-03-05T09:30:00+07:00")
            // Paused Tue 10:00 with 14.5 working hours left; resumed Wed 14:00 → Wed 3 h + Thu 7.5 h + Fri 4 h.
            #expect(due[4] == "2026-03-06T12:00:00+07:00")
            // The extension's new date (a week after the resumed appointment) holds to the end.
            #expect(due[5] == "2026-03-13T16:30:00+07:00")
            #expect(outcome.dossier["endedAt"] as? String == "2026-03-06T10:30:00+07:00")
            #expect(outcome.dossier["returnedAt"] as? String == "2026-03-09T08:30:00+07:00")
            let store = DossierStore(database: database)
            #expect(try await store.stateFromEvents(code: outcome.code)?.status == .returned)
            #expect(try await store.dossiersNotGivenByTheirEvents() == [], "each step's patch gives the state it left")
        }
    }

    @Test(arguments: TestEngine.available)
    func theSameIdempotencyKeyReceivesOnce(engine: TestEngine) async throws {
        try await APIHarness.run(engine, clock: TestClock(local: "2026-03-02T09:00:00")) { client, _ in
            let desk = try await client.signIn("motcua.badinh")
            let key: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "intake-7f3a"]
            let first = try await client.send(.post, "/api/dossiers", token: desk, json: LifecycleJourney.intakeBody, headers: key)
            let retry = try await client.send(.post, "/api/dossiers", token: desk, json: LifecycleJourney.intakeBody, headers: key)
            #expect(first.status == .created)
            #expect(retry.status == .created)
            #expect(retry.json["code"] as? String == first.json["code"] as? String)
            // The same request serialised again, its keys in reverse order and spaced out, is a retry too.
            let reordered = LifecycleJourney.intakeBody.sorted { $0.key > $1.key }.map { key, value in
                "\"\(key)\" : " + String(decoding: try! JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed]), as: UTF8.self)
            }.joined(separator: ",\n  ")
            let respelled = try await client.send(.post, "/api/dossiers", token: desk, raw: Data("{ \(reordered) }".utf8), headers: key)
            #expect(respelled.status == .created, "\(respelled.text)")
            #expect(respelled.json["code"] as? String == first.json["code"] as? String)
            var changed = LifecycleJourney.intakeBody
            changed["request"] = "Một yêu cầu khác"
            let reused = try await client.send(.post, "/api/dossiers", token: desk, json: changed, headers: key)
            #expect(reused.status == .unprocessableContent, "a key reused for another body is refused: \(reused.text)")
            let list = try await client.send(.get, "/api/dossiers", token: desk)
            #expect(list.json["total"] as? Int == 1)
            // The retries wrote nothing, the register's number included: the next dossier takes the next number.
            let firstCode = try #require(first.json["code"] as? String)
            let next = try await client.send(.post, "/api/dossiers", token: desk, json: LifecycleJourney.intakeBody,
                                             headers: [HTTPField.Name("Idempotency-Key")!: "intake-8b4c"])
            #expect(next.json["code"] as? String == firstCode.dropLast(4) + "0002", "\(firstCode) then \(next.text)")
        }
    }

    /// The same request sent several times at once under one key (a double click, a client's eager retry): one
    /// dossier, one acceptance, and every copy gets the first one's answer — on PostgreSQL too, where the copies are
    /// transactions of their own that all began before any had an answer to find.
    @Test(arguments: TestEngine.available)
    func copiesSentAtOnceUnderOneKeyGetOneAnswer(engine: TestEngine) async throws {
        try await APIHarness.run(engine, clock: TestClock(local: "2026-03-02T09:00:00")) { client, _ in
            let desk = try await client.signIn("motcua.badinh")
            let intakeKey: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "intake-at-once"]
            let intakes = try await Self.atOnce(6) {
                try await client.send(.post, "/api/dossiers", token: desk, json: LifecycleJourney.intakeBody, headers: intakeKey)
            }
            #expect(intakes.map(\.status) == Array(repeating: .created, count: 6), "\(intakes.map(\.text))")
            #expect(Set(intakes.map(\.text)).count == 1, "every copy gets the first answer")
            let code = try #require(intakes.first?.json["code"] as? String)
            #expect(try await client.send(.get, "/api/dossiers", token: desk).json["total"] as? Int == 1)
            let acceptKey: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "accept-at-once"]
            let accepts = try await Self.atOnce(6) {
                try await client.send(.post, "/api/dossiers/\(code)/transitions", token: desk, json: ["action": "tiep-nhan"],
                                      headers: acceptKey)
            }
            #expect(accepts.map(\.status) == Array(repeating: .ok, count: 6), "\(accepts.map(\.text))")
            #expect(Set(accepts.map(\.text)).count == 1)
            let events = try await client.send(.get, "/api/dossiers/\(code)/events", token: desk)
            #expect(events.jsonArray.count == 2, "received and accepted once: \(events.text)")
        }
    }

    /// `count` copies of `send`, all started before any is answered.
    static func atOnce(_ count: Int, _ send: @escaping @Sendable () async throws -> APIResponse) async throws -> [APIResponse] {
        try await withThrowingTaskGroup(of: APIResponse.self) { group in
            for _ in 0..<count { group.addTask { try await send() } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    @Test(arguments: TestEngine.available)
    func aStaleTransitionGetsTheCurrentState(engine: TestEngine) async throws {
        try await Self.withReceivedDossier(engine) { client, desk, code in
            let accept: [String: Any] = ["action": "tiep-nhan", "expectedVersion": 1]
            #expect(try await client.send(.post, "/api/dossiers/\(code)/transitions", token: desk, json: accept).status == .ok)
            let stale = try await client.send(.post, "/api/dossiers/\(code)/transitions", token: desk, json: accept)
            #expect(stale.status == .conflict)
            #expect(stale.json["code"] as? String == "stale-version")
            #expect((stale.json["current"] as? [String: Any])?["status"] as? Int == DossierStatus.accepted.rawValue)
        }
    }

    /// A transition is worked out before its write, from the state as last committed; a retry under the same
    /// Idempotency-Key must still get the first answer, not the refusal the new state would give it.
    @Test(arguments: TestEngine.available)
    func aRetriedTransitionGetsItsFirstAnswer(engine: TestEngine) async throws {
        try await Self.withReceivedDossier(engine) { client, desk, code in
            let key: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "accept-\(code)"]
            let accept: [String: Any] = ["action": "tiep-nhan"]
            let first = try await client.send(.post, "/api/dossiers/\(code)/transitions", token: desk, json: accept, headers: key)
            let retry = try await client.send(.post, "/api/dossiers/\(code)/transitions", token: desk, json: accept, headers: key)
            #expect(first.status == .ok)
            #expect(retry.status == .ok, "\(retry.text)")
            #expect(retry.text == first.text)
            let unkeyed = try await client.send(.post, "/api/dossiers/\(code)/transitions", token: desk, json: accept)
            #expect(unkeyed.status == .conflict, "without the key it is a second acceptance, which the state refuses")
            let events = try await client.send(.get, "/api/dossiers/\(code)/events", token: desk)
            #expect(events.jsonArray.count == 2, "received and accepted once: \(events.text)")
        }
    }

    /// A transition is worked out from the dossier as this server last committed it. Moved meanwhile by another
    /// process on the same database (a command run beside the server, a second server), the action is judged again
    /// on the dossier as stored: the officer who saw the new version is not told it is stale.
    @Test(arguments: TestEngine.available)
    func anActionIsJudgedOnTheDossierAsStoredWhenAnotherProcessMovedIt(engine: TestEngine) async throws {
        try await APIHarness.runLocated(engine, clock: TestClock(local: "2026-03-02T09:00:00")) { client, _, location in
            let desk = try await client.signIn("motcua.badinh")
            let code = try #require(try await client.send(.post, "/api/dossiers", token: desk,
                                                          json: LifecycleJourney.intakeBody).json["code"] as? String)
            let accept: [String: Any] = ["action": DossierAction.accept.rawValue, "expectedVersion": 1]
            #expect(try await client.send(.post, "/api/dossiers/\(code)/transitions", token: desk, json: accept).status == .ok)
            let movedElsewhere = try await TestDatabases.withOpened(location) { otherProcess in
                let store = DossierStore(database: otherProcess)
                let stored = try #require(try await store.dossier(code: code))
                var noted = stored
                noted.state.version += 1
                let event = DossierEvent("ghi-chu", by: "motcua.badinh", at: stored.receivedAt, from: stored.state, to: noted.state)
                let change = try DossierChange(noted, from: stored.state, event: event)
                return try await otherProcess.write { db in try await DossierStore.save(change, in: db) }
            }
            #expect(movedElsewhere)
            let forward: [String: Any] = ["action": DossierAction.forward.rawValue, "expectedVersion": 3]
            let forwarded = try await client.send(.post, "/api/dossiers/\(code)/transitions", token: desk, json: forward)
            #expect(forwarded.status == .ok, "\(forwarded.text)")
            #expect(forwarded.json["version"] as? Int == 4)
            #expect(forwarded.json["status"] as? Int == DossierStatus.processing.rawValue)
        }
    }

    /// Runs `body` with the desk officer signed in and one dossier just received at the desk.
    static func withReceivedDossier(_ engine: TestEngine,
                                    _ body: @escaping @Sendable (APIClient, String, String) async throws -> Void) async throws {
        try await APIHarness.run(engine, clock: TestClock(local: "2026-03-02T09:00:00")) { client, _ in
            let desk = try await client.signIn("motcua.badinh")
            let code = try #require(try await client.send(.post, "/api/dossiers", token: desk,
                                                          json: LifecycleJourney.intakeBody).json["code"] as? String)
            try await body(client, desk, code)
        }
    }
}
