import Foundation
import HTTPTypes
import MotCuaCore
@testable import MotCuaServer
import MotCuaStore
import MotCuaTestSupport
import Testing

/// The citizen's document store: what she files online is kept there; a later filing takes a document from it by
/// reference (the same kind offered first) instead of a new upload; another citizen's document cannot be taken;
/// the result the agency attaches lands there with the agency as issuer; she lists and downloads only her own, and
/// downloads everything MotCua holds about her in one file (the export itself recorded in the audit trail).
@Suite struct CitizenDocumentStoreTests {
    @Test(arguments: TestEngine.available)
    func documentsAreKeptReusedIssuedAndExported(engine: TestEngine) async throws {
        try await APIHarness.run(engine, clock: TestClock(local: "2026-03-02T09:00:00")) { client, database in
            let mai = try await OnlineFilingTests.citizenSession(database, personalId: "001190012345", name: "Nguyễn Thị Mai", level: .level2)
            let mot = try await OnlineFilingTests.citizenSession(database, personalId: "001190054321", name: "Trần Văn Một", level: .level2)
            let applicant = ["csrf": WebPagesTests.csrf, "address": "Số 1 phố Đội Cấn, phường Ba Đình", "agencyCode": "000.30.01.H26",
                             "step": "nop"]
            func file(_ procedure: String, _ files: [String: (String, [UInt8])], reuse: [String: String] = [:],
                      as citizen: String) async throws -> APIResponse {
                let body = OnlineFilingTests.multipart(applicant.merging(reuse) { $1 }, files: files, citizen: citizen)
                return try await client.send(.post, "/nop-truc-tuyen/\(procedure)", raw: body.0, headers: body.1)
            }
            func code(of receipt: APIResponse) -> String {
                receipt.text.components(separatedBy: "Mã hồ sơ: ").dropFirst().first?.components(separatedBy: "<").first ?? ""
            }
            let birth = try await file("1.001193", ["file-0": ("to-khai.pdf", OnlineFilingTests.pdf), "file-1": ("chung-sinh.jpg", OnlineFilingTests.jpeg),
                                                    "file-2": ("cccd.png", OnlineFilingTests.png)], as: mai)
            #expect(birth.status == .created)
            let store = CitizenDocumentStore(database: database)
            let kept = try await store.documents(of: "001190012345")
            #expect(kept.count == 3 && kept.allSatisfy { $0.source == .submitted && $0.dossierCode == code(of: birth) })
            let identity = try #require(kept.first { $0.file.sha256 == kept.first { $0.file.mediaType == .png }?.file.sha256 })

            var headers = OnlineFilingTests.multipart([:], files: [:], citizen: mai).1
            let form = try await client.send(.get, "/nop-truc-tuyen/1.004873", raw: nil, headers: headers)
            let offered = form.text.components(separatedBy: #"<select id="reuse-1" name="reuse-1">"#).dropFirst().first ?? ""
            #expect(offered.components(separatedBy: "<option").dropFirst(2).first?.contains(#"value="\#(identity.id)""#) == true,
                    "the identity document offered first where an identity document is asked")

            let stolen = try await file("1.004873", ["file-0": ("to-khai.pdf", OnlineFilingTests.pdf)], reuse: ["reuse-1": identity.id], as: mot)
            #expect(stolen.status == .unprocessableContent && stolen.text.contains("Giấy tờ đã chọn không có trong kho dữ liệu của bạn."))
            #expect(try await store.documents(of: "001190054321").isEmpty, "nothing filed, nothing kept")

            let marital = try await file("1.004873", ["file-0": ("to-khai-2.pdf", OnlineFilingTests.pdf + [0x0A])], reuse: ["reuse-1": identity.id],
                                         as: mai)
            #expect(marital.status == .created, "\(marital.text.suffix(1500))")
            let maritalCode = code(of: marital)
            let filed = try await OnlineFilingStore(database: database).files(of: maritalCode)
            #expect(filed.first { $0.documentIndex == 1 }?.sha256 == identity.file.sha256, "taken by reference, not uploaded again")

            for (action, officer) in [(DossierAction.accept, "motcua.badinh"), (.forward, "motcua.badinh"), (.forward, "chuyenvien.badinh"),
                                      (.forward, "lanhdao.badinh"), (.finish, "motcua.badinh")] {
                try #require(try await client.act(maritalCode, action, as: officer).status == .ok)
            }
            let result = try await OnlineFilingTests.upload(client, "/can-bo/ho-so/\(maritalCode)/ket-qua", as: try await client.headers(as: "motcua.badinh"),
                                                            fields: ["title": "Giấy xác nhận tình trạng hôn nhân"],
                                                            files: ["file": ("xac-nhan.pdf", OnlineFilingTests.pdf + [0x0A, 0x0A])])
            #expect(result.status == .found)
            let issued = try #require(try await store.documents(of: "001190012345").first { $0.source == .result })
            #expect(issued.title == "Giấy xác nhận tình trạng hôn nhân" && issued.issuer.contains("Ba Đình") && issued.issuedOn == "2026-03-02",
                    "\(issued)")
            #expect(try await store.documents(of: "001190012345").count == 5, "3 from the birth filing, 1 new declaration, 1 result")

            let page = try await client.send(.get, "/cong-dan/kho", raw: nil, headers: headers)
            #expect(page.status == .ok && page.text.contains("Giấy xác nhận tình trạng hôn nhân") && page.text.contains(issued.issuer))
            let download = try await client.send(.get, "/cong-dan/kho/\(issued.id)", raw: nil, headers: headers)
            #expect(download.status == .ok && [UInt8](download.body) == OnlineFilingTests.pdf + [0x0A, 0x0A])
            headers[.cookie] = "motcua_csrf=\(WebPagesTests.csrf)" + mot
            #expect(try await client.send(.get, "/cong-dan/kho/\(issued.id)", raw: nil, headers: headers).status == .notFound,
                    "another citizen's document is as good as absent")
            #expect(try await client.send(.get, "/cong-dan/kho", raw: nil).status == .seeOther, "without a session: sign in first")

            headers[.cookie] = "motcua_csrf=\(WebPagesTests.csrf)" + mai
            let export = try await client.send(.get, "/cong-dan/du-lieu", raw: nil, headers: headers)
            #expect(export.status == .ok && export.headers[.contentDisposition]?.contains("du-lieu-ca-nhan-001190012345.json") == true)
            let json = export.json
            #expect((json["person"] as? [String: Any])?["personalId"] as? String == "001190012345")
            #expect((json["dossiers"] as? [[String: Any]])?.count == 2)
            let documents = try #require(json["documents"] as? [[String: Any]])
            #expect(documents.count == 5)
            let resultCopy = try #require(documents.first { $0["source"] as? String == "ket-qua" })
            #expect((resultCopy["contentBase64"] as? String).flatMap { Data(base64Encoded: $0) } == Data(OnlineFilingTests.pdf + [0x0A, 0x0A]))
            let audit = (json["audit"] as? [[String: Any]] ?? []).compactMap { $0["action"] as? String }
            #expect(audit.contains("cong-dan.dang-nhap") && audit.contains("cong-dan.xuat-du-lieu"))
        }
    }
}

/// How the officer's dossier page says where the applicant's identity came from.
@Suite struct ProvenanceWordsTests {
    @Test(arguments: [
        (AssuranceLevel?.some(.level2), ["address"], "Nộp trực tuyến bằng tài khoản VNeID mức 2; nơi thường trú lấy từ CSDL quốc gia về dân cư."),
        (nil, ["address", "name"], "Nơi thường trú, họ tên lấy từ CSDL quốc gia về dân cư."),
        (.level1, [], "Nộp trực tuyến bằng tài khoản VNeID mức 1."),
        (nil, [], nil),
    ] as [(AssuranceLevel?, [String], String?)])
    func words(level: AssuranceLevel?, fields: [String], said: String?) {
        #expect(DossierPage.provenance(filedWith: level, registryFields: fields) == said)
    }
}
