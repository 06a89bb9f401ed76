import Foundation
import MotCuaCore
import MotCuaTestSupport
import Testing

/// Internal processes through the API: the control office uploads a drawn BPMN file as a new version, dossiers
/// received afterwards run on it (a rework loop, then the default way), and bad files change nothing.
@Suite struct ProcessAPITests {
    static let example = try! Data(contentsOf: URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/examples/xac-nhan-tinh-trang-hon-nhan.bpmn"))

    static func upload(_ client: APIClient, _ file: Data, query: String = "procedureCode=1.004873&effectiveFrom=2026-03-02",
                       as username: String = "quantri") async throws -> APIResponse {
        try await client.send(.post, "/api/processes?\(query)", token: try await client.signIn(username), raw: file,
                              headers: [.contentType: "application/xml"])
    }

    @Test(arguments: TestEngine.available)
    func aDrawnProcessRunsTheDossiersReceivedAfterIt(engine: TestEngine) async throws {
        let clock = TestClock(local: "2026-03-02T08:00:00")
        try await APIHarness.run(engine, clock: clock) { client, _ in
            let saved = try await Self.upload(client, Self.example)
            try #require(saved.status == .created, "\(saved.text)")
            #expect(saved.json["version"] as? Int == 2, "version 1 is the catalog's list of steps")
            let admin = try await client.signIn("quantri")
            let versions = try await client.send(.get, "/api/processes?key=1.004873", token: admin).jsonArray
            #expect(versions.map { $0["version"] as? Int } == [2, 1])
            #expect(versions.map { $0["savedBy"] as? String } == ["quantri", "danh-muc"])
            let file = try await client.send(.get, "/api/processes/1.004873/versions/2/bpmn", token: admin)
            #expect(file.headers[.contentType]?.hasPrefix("application/xml") == true)
            #expect(try BPMNReader.read(file.body, key: "1.004873", procedureCode: "1.004873", version: 2,
                                        effectiveFrom: CivilDate(iso: "2026-03-02")!).nodes.count == 7)

            clock.set(local: "2026-03-02T09:00:00")
            let code = try await client.receiveDossier()
            let dossier = try await client.send(.get, "/api/dossiers/\(code)", token: admin)
            #expect(dossier.status == .notFound, "the control office is not one of the dossier's agencies")
            func step(_ action: DossierAction, _ who: String, _ extra: [String: Any] = [:]) async throws -> [String] {
                clock.advance(hours: 0.5)
                let response = try await client.act(code, action, as: who, extra)
                try #require(response.status == .ok, "\(action) by \(who): \(response.text)")
                return try await client.openItems(code).map { $0["name"] as? String ?? "" }
            }
            _ = try await step(.accept, "motcua.badinh")
            #expect(try await step(.forward, "motcua.badinh") == ["Tiếp nhận, kiểm tra hồ sơ"])
            #expect(try await step(.forward, "motcua.badinh") == ["Thẩm định hồ sơ"])
            let unknown = try await client.act(code, .forward, as: "chuyenvien.badinh", ["decision": "tu-choi"])
            #expect(unknown.status == .unprocessableContent && unknown.json["field"] as? String == "decision")
            #expect(try await step(.forward, "chuyenvien.badinh", ["decision": "bo-sung"]) == ["Tiếp nhận, kiểm tra hồ sơ"])
            #expect(try await step(.forward, "motcua.badinh") == ["Thẩm định hồ sơ"])
            #expect(try await step(.forward, "chuyenvien.badinh") == ["Ký duyệt kết quả"], "no decision: the default way")
            #expect(try await step(.forward, "lanhdao.badinh") == ["Chuyển kết quả về một cửa"])
            #expect(try await step(.finish, "motcua.badinh").isEmpty)

            let desk = try await client.signIn("motcua.badinh")
            let done = try await client.send(.get, "/api/dossiers/\(code)", token: desk).json
            #expect(done["status"] as? Int == DossierStatus.done.rawValue)
            #expect((done["process"] as? [String: Any])?["version"] as? Int == 2)
            let slip = try await client.send(.get, "/api/dossiers/\(code)/forms/06", token: desk).json
            let rows = slip["handOffs"] as? [[String: Any]] ?? []
            #expect(rows.count == 7, "desk → 6 steps → desk")
            #expect((rows[2]["note"] as? String)?.contains("Quyết định: bo-sung") == true)
            let events = try await client.send(.get, "/api/dossiers/\(code)/events", token: desk).jsonArray
            #expect(events.compactMap { $0["decision"] as? String } == ["bo-sung"])
        }
    }

    /// Each bad file gets a 4xx naming what is wrong, and no version is saved.
    @Test(arguments: TestEngine.available)
    func aBadFileIsRefusedAndNothingIsSaved(engine: TestEngine) async throws {
        let example = String(decoding: Self.example, as: UTF8.self)
        let cases: [(String, Data, String, String, Int)] = [
            ("malformed XML", Data("<bpmn:definitions".utf8), "procedureCode=1.004873", "bpmn", 422),
            ("unsupported element", Data(example.replacingOccurrences(of: "<bpmn:userTask id=\"ky_duyet\"",
                                                                      with: "<bpmn:scriptTask id=\"ky_duyet\"")
                .replacingOccurrences(of: "</bpmn:userTask>\n    <bpmn:userTask id=\"tra_ket_qua\"",
                                      with: "</bpmn:scriptTask>\n    <bpmn:userTask id=\"tra_ket_qua\"").utf8),
             "procedureCode=1.004873", "nodes.ky_duyet", 422),
            ("gateway without outgoing flow", Data(example
                .replacingOccurrences(of: "sourceRef=\"ket_qua_tham_dinh\" targetRef=\"ky_duyet\"", with: "sourceRef=\"tiep_nhan\" targetRef=\"ky_duyet\"")
                .replacingOccurrences(of: "sourceRef=\"ket_qua_tham_dinh\" targetRef=\"tiep_nhan\"", with: "sourceRef=\"tra_ket_qua\" targetRef=\"tiep_nhan\"").utf8),
             "procedureCode=1.004873", "nodes.ket_qua_tham_dinh", 422),
            ("budget over the legal deadline", Data(example.replacingOccurrences(of: "P1D", with: "P5D").utf8),
             "procedureCode=1.004873", "nodes", 422),
            ("retroactive", Self.example, "procedureCode=1.004873&effectiveFrom=2026-01-01", "effectiveFrom", 422),
            ("unknown procedure", Self.example, "procedureCode=9.999999", "procedureCode", 422),
            ("key of another procedure", Self.example, "procedureCode=1.004873&key=1.001193", "key", 422),
        ]
        try await APIHarness.run(engine, clock: TestClock(local: "2026-03-02T08:00:00")) { client, _ in
            for (label, file, query, field, status) in cases {
                let response = try await Self.upload(client, file, query: query)
                #expect(Int(response.status.code) == status, "\(label): \(response.text)")
                let fields = [response.json["field"] as? String] + (response.json["problems"] as? [[String: Any]] ?? []).map { $0["field"] as? String }
                #expect(fields.contains(field), "\(label): \(response.text)")
                #expect((response.json["detail"] as? String)?.isEmpty == false, "\(label)")
            }
            let notAdmin = try await Self.upload(client, Self.example, as: "lanhdao.badinh")
            #expect(notAdmin.status == .forbidden)
            let versions = try await client.send(.get, "/api/processes?key=1.004873", token: try await client.signIn("quantri"))
            #expect(versions.jsonArray.count == 1, "only the catalog's version")
        }
    }
}
