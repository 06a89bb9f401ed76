import Foundation
import MotCuaCore
import MotCuaServer
import MotCuaStore
import MotCuaTestSupport
import Testing

/// The demo's interlinked chains (Decree 63/2024) through the API: one filing at the ward's desk, three results
/// from the ward, its police and the city's social insurance, each part with its own clock and owner, one
/// tracking code; the whole is late when one partner is late, though the dossier ends before its appointment.
@Suite struct InterlinkedAPITests {
    /// The journey's applicant at the ward's desk, filing an interlinked procedure.
    static func intake(_ procedureCode: String, request: String) -> [String: Any] {
        var body = LifecycleJourney.intakeBody
        body["procedureCode"] = procedureCode
        body["documents"] = [["name": "Tờ khai liên thông", "originals": 1, "copies": 0]]
        body["request"] = request
        return body
    }

    static func results(_ client: APIClient, _ code: String, as username: String = "motcua.badinh") async throws -> [String: Any] {
        try await client.send(.get, "/api/dossiers/\(code)/results", token: try await client.signIn(username)).json
    }

    @Test(arguments: TestEngine.available)
    func birthResidenceHealthInsurance(engine: TestEngine) async throws {
        let clock = TestClock(local: "2026-03-02T09:00:00")
        try await APIHarness.run(engine, clock: clock) { client, database in
            let desk = try await client.signIn("motcua.badinh")
            let received = try await client.send(.post, "/api/dossiers", token: desk,
                                                 json: Self.intake("1.011599", request: "Khai sinh, thường trú, thẻ BHYT cho cháu Bé Na"))
            try #require(received.status == .created, "\(received.text)")
            let code = try #require(received.json["code"] as? String)
            let process = received.json["process"] as? [String: Any]
            #expect(process?["version"] as? Int == 2, "the drawn chain, not the catalog's list of steps")
            let partners = process?["partners"] as? [String: [String: Any]]
            #expect(partners?["cong-an-xa"]?["agencyCode"] as? String == DemoAccounts.wardPolice, "the police of the same ward")
            #expect(partners?["bhxh"]?["agencyCode"] as? String == DemoAccounts.socialInsurance, "the city's one social insurance")
            let planned = try await Self.results(client, code)["parts"] as? [[String: Any]] ?? []
            #expect(planned.map { $0["document"] as? String } == ["Giấy khai sinh", "Thông báo kết quả đăng ký thường trú", "Thẻ bảo hiểm y tế"])
            #expect(planned.map { $0["agencyCode"] as? String } == [DemoAccounts.wardCommittee, DemoAccounts.wardPolice, DemoAccounts.socialInsurance])
            #expect(planned.allSatisfy { $0["progress"] as? String == "chua-den" })

            for action in [DossierAction.accept, .forward] {
                try #require(try await client.act(code, action, as: "motcua.badinh").status == .ok)
            }
            clock.set(local: "2026-03-02T10:00:00")
            try #require(try await client.act(code, .forward, as: "chuyenvien.badinh").status == .ok)
            clock.set(local: "2026-03-02T11:00:00")
            let unnumbered = try await client.act(code, .forward, as: "lanhdao.badinh")
            #expect(unnumbered.status == .unprocessableContent && unnumbered.json["field"] as? String == "result", "\(unnumbered.text)")
            #expect((unnumbered.json["detail"] as? String)?.contains("Giấy khai sinh") == true)
            let signed = try await client.act(code, .forward, as: "lanhdao.badinh", ["result": "125/2026/KS"])
            try #require(signed.status == .ok, "\(signed.text)")
            #expect(signed.json["version"] as? Int == 5, "the refused signature changed nothing")

            let handOffs = try await client.openItems(code)
            #expect(handOffs.map { $0["agencyCode"] as? String } == [DemoAccounts.wardPolice, DemoAccounts.socialInsurance])
            #expect(handOffs.map { $0["dueAt"] as? String } == ["2026-03-05T11:00:00+07:00", "2026-03-05T11:00:00+07:00"],
                    "each partner has its own 3 working days")
            let policeQueue = try await client.send(.get, "/api/work", token: try await client.signIn("congan.badinh")).json
            #expect((policeQueue["items"] as? [[String: Any]])?.map { $0["dossierCode"] as? String } == [code],
                    "the police officer finds the part in the queue")
            let outsider = try await client.act(code, .forward, as: "bhxh.hanoi", ["workItem": handOffs[0]["id"] as? Int ?? 0])
            #expect(outsider.status == .forbidden, "only the police may do the police's part")

            clock.set(local: "2026-03-03T09:00:00")
            let residence = try await client.act(code, .forward, as: "congan.badinh", ["result": "TB-45/CAP-BĐ"])
            try #require(residence.status == .ok, "\(residence.text)")
            clock.set(local: "2026-03-06T09:00:00")
            let card = try await client.act(code, .forward, as: "bhxh.hanoi", ["result": "TE1010126000123"])
            try #require(card.status == .ok, "\(card.text)")
            let deskItem = try #require(try await client.openItems(code).first)
            #expect(deskItem["role"] as? String == OfficerRole.deskOfficer.rawValue, "back at the desk with all three results")
            clock.set(local: "2026-03-06T10:00:00")
            let finished = try await client.act(code, .finish, as: "motcua.badinh")
            try #require(finished.status == .ok, "\(finished.text)")
            #expect(finished.json["dueAt"] as? String == "2026-03-11T09:00:00+07:00")
            #expect(finished.json["timeliness"] as? String == Timeliness.late.rawValue,
                    "ended days before the appointment, but the social insurance's part was a day late")

            let sheet = try await Self.results(client, code)
            #expect(sheet["lateByHandOff"] as? Bool == true && sheet["timeliness"] as? String == "qua-han")
            let parts = sheet["parts"] as? [[String: Any]] ?? []
            #expect(parts.map { $0["reference"] as? String } == ["125/2026/KS", "TB-45/CAP-BĐ", "TE1010126000123"])
            #expect(parts.map { $0["timeliness"] as? String } == ["dung-han", "truoc-han", "qua-han"])
            #expect(parts.allSatisfy { $0["progress"] as? String == "da-cap" })
            #expect(try await Self.results(client, code, as: "bhxh.hanoi")["code"] as? String == code,
                    "a partner follows the same tracking code")
            let slip = try await client.send(.get, "/api/dossiers/\(code)/forms/06", token: desk).json
            let rows = slip["handOffs"] as? [[String: Any]] ?? []
            #expect(rows.contains { ($0["fromUnit"] as? String ?? "").contains("Bảo hiểm xã hội") && $0["timeliness"] as? String == "qua-han" },
                    "form 06 shows the late hand-off: \(rows)")
            #expect(try await DossierStore(database: database).dossiersNotGivenByTheirEvents() == [],
                    "the hand-offs' patches too")
        }
    }

    @Test(arguments: TestEngine.available)
    func deathResidenceDeletionFuneralAllowance(engine: TestEngine) async throws {
        let clock = TestClock(local: "2026-03-02T09:00:00")
        try await APIHarness.run(engine, clock: clock) { client, _ in
            let received = try await client.send(.post, "/api/dossiers", token: try await client.signIn("motcua.badinh"),
                                                 json: Self.intake("1.011600", request: "Khai tử, xóa thường trú, trợ cấp mai táng"))
            try #require(received.status == .created, "\(received.text)")
            let code = try #require(received.json["code"] as? String)
            let parts = try await Self.results(client, code)["parts"] as? [[String: Any]] ?? []
            #expect(parts.map { $0["document"] as? String }
                    == ["Trích lục khai tử", "Thông báo xóa đăng ký thường trú", "Quyết định hưởng trợ cấp mai táng"])
            #expect(parts.map { $0["procedureCode"] as? String } == [nil, "1.004197", nil])
            #expect(parts.map { $0["agencyCode"] as? String } == [DemoAccounts.wardCommittee, DemoAccounts.wardPolice, DemoAccounts.socialInsurance])
        }
    }
}
