import Foundation
import MotCuaCore
import MotCuaServer
import MotCuaStore
import MotCuaTestSupport
import Testing

/// Work queues through the API: an item waits in the unit's queue, one specialist claims it, the other cannot
/// act on it, the leader reassigns it, and while its holder is away the substitute does it.
@Suite struct WorkAPITests {
    /// A dossier received, accepted and sent into its examination step (role specialist, 2 working days),
    /// Mon 02/03 09:00.
    static func inExamination(_ client: APIClient, _ clock: TestClock) async throws -> String {
        clock.set(local: "2026-03-02T09:00:00")
        let code = try await client.receiveDossier()
        for action in [DossierAction.accept, .forward] {
            let response = try await client.act(code, action, as: "motcua.badinh")
            try #require(response.status == .ok, "\(response.text)")
        }
        return code
    }

    static func queue(_ client: APIClient, of username: String) async throws -> [[String: Any]] {
        let response = try await client.send(.get, "/api/work", token: try await client.signIn(username))
        return response.json["items"] as? [[String: Any]] ?? []
    }

    @Test(arguments: TestEngine.available)
    func claimAssignAndCover(engine: TestEngine) async throws {
        let clock = TestClock(local: "2026-03-02T09:00:00")
        try await APIHarness.run(engine, clock: clock) { client, _ in
            let code = try await Self.inExamination(client, clock)
            #expect(try await Self.queue(client, of: "chuyenvien.badinh").map { $0["dossierCode"] as? String } == [code])
            #expect(try await Self.queue(client, of: "chuyenvien2.badinh").count == 1, "both specialists see the unit's queue")
            #expect(try await Self.queue(client, of: "motcua.badinh").isEmpty, "the desk does not examine")

            let claimed = try await client.act(code, .claim, as: "chuyenvien2.badinh")
            #expect(claimed.status == .ok)
            #expect(try await Self.queue(client, of: "chuyenvien.badinh").isEmpty, "a claimed item leaves the others' queue")
            let blocked = try await client.act(code, .forward, as: "chuyenvien.badinh")
            #expect(blocked.status == .forbidden && (blocked.json["detail"] as? String)?.contains("chuyenvien2.badinh") == true)

            let notASpecialist = try await client.act(code, .assign, as: "lanhdao.badinh", ["assignee": "motcua.badinh"])
            #expect(notASpecialist.status == .unprocessableContent && notASpecialist.json["field"] as? String == "assignee")
            let byAPeer = try await client.act(code, .assign, as: "chuyenvien2.badinh", ["assignee": "chuyenvien.badinh"])
            #expect(byAPeer.status == .forbidden)
            let reassigned = try await client.act(code, .assign, as: "lanhdao.badinh", ["assignee": "chuyenvien.badinh"])
            #expect(reassigned.status == .ok)
            #expect(try await client.openItems(code).first?["assignee"] as? String == "chuyenvien.badinh")

            let away = ["username": "chuyenvien.badinh", "startsAt": "2026-03-02T12:00:00+07:00",
                        "endsAt": "2026-03-04T17:00:00+07:00", "substitute": "chuyenvien2.badinh", "reason": "Nghỉ phép"]
            let recorded = try await client.send(.post, "/api/absences", token: try await client.signIn("chuyenvien.badinh"), json: away)
            #expect(recorded.status == .created, "\(recorded.text)")
            var overlapping = away
            overlapping["startsAt"] = "2026-03-03T08:00:00+07:00"
            overlapping["endsAt"] = "2026-03-05T08:00:00+07:00"
            let clash = try await client.send(.post, "/api/absences", token: try await client.signIn("lanhdao.badinh"), json: overlapping)
            #expect(clash.status == .conflict && clash.json["field"] as? String == "startsAt")
            var bad = away
            bad["substitute"] = "chuyenvien.stp"
            let outsider = try await client.send(.post, "/api/absences", token: try await client.signIn("chuyenvien.badinh"), json: bad)
            #expect(outsider.status == .unprocessableContent && outsider.json["field"] as? String == "substitute")

            clock.set(local: "2026-03-03T09:00:00")
            #expect(try await Self.queue(client, of: "chuyenvien2.badinh").map { $0["assignee"] as? String } == ["chuyenvien.badinh"],
                    "the substitute sees the absent colleague's item")
            let covered = try await client.act(code, .forward, as: "chuyenvien2.badinh")
            #expect(covered.status == .ok, "\(covered.text)")
            let events = try await client.send(.get, "/api/dossiers/\(code)/events", token: try await client.signIn("motcua.badinh")).jsonArray
            #expect(events.map { $0["action"] as? String }.suffix(4) == ["chuyen-buoc", "nhan-viec", "giao-viec", "chuyen-buoc"])
            #expect(events.last?["actor"] as? String == "chuyenvien2.badinh" && events.last?["workItem"] as? Int == 1)
        }
    }

    /// The SLA watch warns once a quarter of the step's time is left and escalates once it has passed, once per
    /// item, even when two watchers sweep at the same moment.
    @Test(arguments: TestEngine.available)
    func theWatchWarnsThenEscalatesOnce(engine: TestEngine) async throws {
        let clock = TestClock(local: "2026-03-02T09:00:00")
        try await APIHarness.run(engine, clock: clock) { client, database in
            let code = try await Self.inExamination(client, clock)
            let item = try #require(try await client.openItems(code).first)
            #expect(item["dueAt"] as? String == "2026-03-04T09:00:00+07:00", "2 working days for the examination")
            func watcher(_ holder: String) -> SLAWatch {
                SLAWatch(database: database, holder: holder, interval: .seconds(60), now: { clock.now },
                         logger: .init(label: "test"))
            }
            let first = watcher("a"), second = watcher("b")
            // 15 working hours; the warning comes with 3.75 left: Tue 14:15.
            clock.set(local: "2026-03-03T14:00:00")
            #expect(try await first.sweep() == 0, "more than a quarter left")
            clock.set(local: "2026-03-03T14:15:00")
            async let one = first.sweep()
            async let other = second.sweep()
            #expect(try await one + other == 1)
            #expect(try await second.sweep() == 0, "the lease is still the first watcher's")
            clock.set(local: "2026-03-04T09:00:01")
            #expect(try await first.sweep() == 1)
            #expect(try await first.sweep() == 0)
            let events = try await client.send(.get, "/api/dossiers/\(code)/events", token: try await client.signIn("motcua.badinh")).jsonArray
            let alarms = events.filter { $0["actor"] as? String == DossierEvent.system }
            #expect(alarms.map { $0["action"] as? String } == [StepAlarm.warning.rawValue, StepAlarm.escalation.rawValue])
            #expect(alarms.allSatisfy { $0["workItem"] as? Int == 1 && $0["stepDueAfter"] as? String == "2026-03-04T09:00:00+07:00" })
            #expect((alarms.last?["reason"] as? String)?.contains("quá hạn") == true)
            let line = try #require(try await Self.queue(client, of: "chuyenvien.badinh").first)
            #expect(line["late"] as? Bool == true)
            #expect(try await DossierStore(database: database).dossiersNotGivenByTheirEvents() == [], "the alarms' patches too")
        }
    }

    /// The queue narrowed by holder, by where each step stands against its deadline, and by part of a code:
    /// three dossiers enter examination (2 working days) on Mon, Tue and Wed; on Thursday morning the first is
    /// late, the second due that day, the third due later; the second is held by a specialist.
    @Test(arguments: TestEngine.available)
    func filtersNarrowTheQueue(engine: TestEngine) async throws {
        let clock = TestClock(local: "2026-03-02T09:00:00")
        try await APIHarness.run(engine, clock: clock) { client, _ in
            var codes: [String] = []
            for day in ["2026-03-02", "2026-03-03", "2026-03-04"] {
                clock.set(local: "\(day)T09:00:00")
                let code = try await client.receiveDossier()
                for action in [DossierAction.accept, .forward] {
                    try #require(try await client.act(code, action, as: "motcua.badinh").status == .ok)
                }
                codes.append(code)
            }
            clock.set(local: "2026-03-05T08:00:00")
            try #require(try await client.act(codes[1], .claim, as: "chuyenvien.badinh").status == .ok)
            let token = try await client.signIn("chuyenvien.badinh")
            let cases: [(query: String, expected: [String])] = [
                ("", codes),
                ("deadline=qua-han", [codes[0]]),
                ("deadline=den-han", [codes[1]]),
                ("deadline=con-han", [codes[2]]),
                ("deadline=tam-dung", []),
                ("holding=dang-giu", [codes[1]]),
                ("holding=cho-nhan", [codes[0], codes[2]]),
                ("holding=cho-nhan&deadline=con-han", [codes[2]]),
                ("code=\(codes[2].suffix(11))", [codes[2]]),
                ("code=0001", codes),
                ("code=%25", []),
            ]
            for (query, expected) in cases {
                let response = try await client.send(.get, "/api/work?\(query)", token: token)
                #expect(response.status == .ok, "\(query): \(response.text)")
                #expect((response.json["items"] as? [[String: Any]] ?? []).map { $0["dossierCode"] as? String } == expected, "\(query)")
                #expect(response.json["total"] as? Int == expected.count, "\(query)")
            }
            for (query, field) in [("deadline=hom-qua", "deadline"), ("holding=ai-do", "holding")] {
                let refused = try await client.send(.get, "/api/work?\(query)", token: token)
                #expect(refused.status == .unprocessableContent && refused.json["field"] as? String == field, "\(query)")
            }
            let page = try await client.send(.get, "/can-bo/viec?deadline=qua-han", token: token)
            #expect(page.status == .ok && page.text.contains(codes[0]) && !page.text.contains(codes[2]))
            #expect(page.text.contains("<option value=\"qua-han\" selected>"), "the chosen filter stays chosen")
        }
    }
}
