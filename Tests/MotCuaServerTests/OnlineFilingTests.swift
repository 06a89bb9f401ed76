import Foundation
import HTTPTypes
import MotCuaCore
import MotCuaServer
import MotCuaStore
import MotCuaTestSupport
import Testing

/// Filing online: only signed in with the e-ID at the procedure's level, name and personal ID the e-ID's whatever is
/// posted; files checked by content and kept by checksum, a draft saved and found again with its code and secret
/// (by the same citizen only), nothing attached lost to a refused field, the dossier registered at the chosen ward
/// with its files and its filer in one transaction, a draft filed twice filed once, the files shown only to the
/// ward's officers.
@Suite struct OnlineFilingTests {
    static let pdf = Array("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".utf8)
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0xFF, 0xD9]
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]

    /// A multipart body of text fields and files.
    static func multipart(_ fields: [String: String], files: [String: (String, [UInt8])], citizen: String = "") -> (Data, HTTPFields) {
        let body = MultipartBody.encode(fields, files: files)
        var headers = HTTPFields()
        headers[.contentType] = MultipartBody.contentType
        headers[.cookie] = "motcua_csrf=\(WebPagesTests.csrf)" + citizen
        return (body, headers)
    }

    /// A citizen's e-ID session opened in the store (signing in itself goes through the provider, in the end-to-end
    /// tests); the cookie to send, starting with "; ".
    static func citizenSession(_ database: Database, personalId: String, name: String, level: AssuranceLevel) async throws -> String {
        let token = UUID().uuidString + UUID().uuidString
        try await CitizenStore(database: database).signIn(CitizenStore.Citizen(personalId: personalId, fullName: name, birthDate: nil),
                                                          level: level, tokenHash: SHA256Hex.of(Data(token.utf8)),
                                                          at: Date(timeIntervalSince1970: 1_772_416_800), expiresAt: .distantFuture)
        return "; motcua_cong_dan=\(token)"
    }

    /// Posts a multipart form as `headers`' officer (the anti-forgery token added).
    static func upload(_ client: APIClient, _ path: String, as headers: HTTPFields, fields: [String: String] = [:],
                       files: [String: (String, [UInt8])], csrf: String = WebPagesTests.csrf) async throws -> APIResponse {
        var all = fields
        all["csrf"] = csrf
        var (body, sent) = multipart(all, files: files)
        sent[.authorization] = headers[.authorization]
        return try await client.send(.post, path, raw: body, headers: sent)
    }

    static func hidden(_ name: String, in html: String) -> String {
        html.components(separatedBy: "name=\"\(name)\" value=\"").dropFirst().first?.components(separatedBy: "\"").first ?? ""
    }

    /// A draft filed twelve times at once (the citizen pressing "Nộp" again on a slow line): one dossier, and every copy
    /// shows its receipt — on SQLite too, where each copy checked the draft before the first one's write, and a copy
    /// that reads the draft just after another filed it (seen on a busy machine: one 422 in twelve).
    @Test(arguments: TestEngine.available)
    func aDraftFiledSeveralTimesAtOnceIsFiledOnce(engine: TestEngine) async throws {
        try await APIHarness.run(engine, clock: TestClock(local: "2026-03-02T09:00:00")) { client, database in
            let mai = try await Self.citizenSession(database, personalId: "001190012345", name: "Nguyễn Thị Mai", level: .level2)
            var fields = ["csrf": WebPagesTests.csrf, "address": "Số 1 phố Đội Cấn, phường Ba Đình", "phone": "0912345678",
                          "agencyCode": "000.30.01.H26"]
            let kept = Self.multipart(fields, files: ["file-0": ("to-khai.pdf", Self.pdf), "file-1": ("chung-sinh.jpg", Self.jpeg),
                                                      "file-2": ("cccd.png", Self.png)], citizen: mai)
            let saved = try await client.send(.post, "/nop-truc-tuyen/1.001193", raw: kept.0, headers: kept.1)
            #expect(saved.status == .ok)
            fields["step"] = "nop"
            fields["draft"] = Self.hidden("draft", in: saved.text)
            fields["secret"] = Self.hidden("secret", in: saved.text)
            let filing = Self.multipart(fields, files: [:], citizen: mai)
            let copies = try await withThrowingTaskGroup(of: APIResponse.self) { group in
                for _ in 0..<12 { group.addTask { try await client.send(.post, "/nop-truc-tuyen/1.001193", raw: filing.0, headers: filing.1) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let codes = copies.map { $0.text.components(separatedBy: "Mã hồ sơ: ").dropFirst().first?.components(separatedBy: "<").first }
            #expect(copies.allSatisfy { $0.status == .created || $0.status == .ok }, "\(copies.map(\.status))")
            #expect(Set(codes).count == 1 && codes.first != nil, "\(codes)")
            let desk = try await client.signIn("motcua.badinh")
            #expect((try await client.send(.get, "/api/dossiers", token: desk).json["total"] as? Int) == 1)
        }
    }

    /// A form with files whose text field holds U+0000 (nothing a person types, and what PostgreSQL could not store)
    /// is refused naming the field, on either database, and keeps nothing.
    @Test(arguments: TestEngine.available)
    func aFilingWhoseFieldHoldsNULIsRefused(engine: TestEngine) async throws {
        try await APIHarness.run(engine, clock: TestClock(local: "2026-03-02T09:00:00")) { client, database in
            let mai = try await Self.citizenSession(database, personalId: "001190012345", name: "Nguyễn Thị Mai", level: .level2)
            let fields = ["csrf": WebPagesTests.csrf, "address": "Số 1 phố\u{0}Đội Cấn", "phone": "0912345678", "agencyCode": "000.30.01.H26"]
            let form = Self.multipart(fields, files: ["file-0": ("to-khai.pdf", Self.pdf)], citizen: mai)
            let refused = try await client.send(.post, "/nop-truc-tuyen/1.001193", raw: form.0, headers: form.1)
            #expect(refused.status == .unprocessableContent && refused.text.contains("Trường &quot;address&quot;"),
                    "\(refused.status) \(refused.text.prefix(400))")
            let drafts = try await database.read { db in
                try await db.raw("SELECT COUNT(*) AS n FROM online_drafts").first()?.decode(column: "n", as: Int.self)
            }
            #expect(drafts == 0)
        }
    }

    @Test(arguments: TestEngine.available)
    func aBirthIsRegisteredOnlineWithItsFiles(engine: TestEngine) async throws {
        try await APIHarness.run(engine, clock: TestClock(local: "2026-03-02T09:00:00")) { client, database in
            let anonymous = try await client.send(.get, "/nop-truc-tuyen/1.001193", raw: nil)
            #expect(anonymous.status == .seeOther && anonymous.headers[.location] == "/dang-nhap/vneid?muc=2&tiep=%2Fnop-truc-tuyen%2F1.001193",
                    "filing online starts with the e-ID, at the level the procedure needs")
            let levelOne = try await Self.citizenSession(database, personalId: "001190054321", name: "Trần Văn Một", level: .level1)
            #expect(try await client.send(.get, "/nop-truc-tuyen/1.001193", raw: nil,
                                          headers: Self.multipart([:], files: [:], citizen: levelOne).1).status == .seeOther,
                    "a procedure done wholly online needs a level 2 account")
            let mai = try await Self.citizenSession(database, personalId: "001190012345", name: "Nguyễn Thị Mai", level: .level2)
            let form = try await client.send(.get, "/nop-truc-tuyen/1.001193", raw: nil, headers: Self.multipart([:], files: [:], citizen: mai).1)
            #expect(form.status == .ok && form.text.contains(#"<option value="000.30.01.H26">"#), "the wards to choose from")
            #expect(form.text.contains(#"value="001190012345" readonly"#) && form.text.contains("Nguyễn Thị Mai (VNeID mức 2)"))
            #expect(try await client.send(.get, "/nop-truc-tuyen/2.000913", raw: nil, headers: Self.multipart([:], files: [:], citizen: mai).1)
                .status == .notFound, "a procedure not offered online has no online form")
            let applicant = ["csrf": WebPagesTests.csrf, "name": "Người Khác", "personalId": "001099000001",
                             "address": "Số 1 phố Đội Cấn, phường Ba Đình", "phone": "0912345678", "agencyCode": "000.30.01.H26"]
            var first = applicant
            first["step"] = "nop"
            let refused = Self.multipart(first, files: ["file-0": ("to-khai.pdf", Self.pdf), "file-1": ("giay-chung-sinh.gif", Array("GIF89a".utf8))],
                                         citizen: mai)
            let attempt = try await client.send(.post, "/nop-truc-tuyen/1.001193", raw: refused.0, headers: refused.1)
            #expect(attempt.status == .unprocessableContent)
            #expect(attempt.text.contains("Tệp &quot;giay-chung-sinh.gif&quot; không phải PDF, JPEG hoặc PNG."), "\(attempt.text.suffix(2000))")
            #expect(attempt.text.contains(#"id="file-2-error">Cần đính kèm"#))
            #expect(attempt.text.contains("Đã đính kèm: to-khai.pdf"), "the good file is kept")
            #expect(attempt.text.contains(#"value="Nguyễn Thị Mai" readonly"#), "the posted name gives way to the e-ID's")
            let (code, secret) = (Self.hidden("draft", in: attempt.text), Self.hidden("secret", in: attempt.text))
            #expect(code.count == 8 && secret.count == 8)

            var resume = Self.multipart([:], files: [:], citizen: mai).1
            resume[.contentType] = "application/x-www-form-urlencoded"
            var someoneElse = resume
            someoneElse[.cookie] = "motcua_csrf=\(WebPagesTests.csrf)" + levelOne
            #expect(try await client.send(.post, "/tiep-tuc-nop", raw: Data("csrf=\(WebPagesTests.csrf)&code=\(code)&secret=\(secret)".utf8),
                                          headers: someoneElse).status == .notFound, "another citizen cannot open the draft")
            let reopened = try await client.send(.post, "/tiep-tuc-nop", raw: Data("csrf=\(WebPagesTests.csrf)&code=\(code)&secret=\(secret.lowercased())".utf8),
                                                 headers: resume)
            #expect(reopened.status == .ok && reopened.text.contains("Đã đính kèm: to-khai.pdf"))
            let wrongSecret = try await client.send(.post, "/tiep-tuc-nop", raw: Data("csrf=\(WebPagesTests.csrf)&code=\(code)&secret=AAAAAAAA".utf8),
                                                    headers: resume)
            #expect(wrongSecret.status == .notFound)

            var filing = applicant
            filing["step"] = "nop"
            filing["draft"] = code
            filing["secret"] = secret
            let complete = Self.multipart(filing, files: ["file-1": ("chung-sinh.jpg", Self.jpeg), "file-2": ("cccd.png", Self.png)],
                                          citizen: mai)
            let filed = try await client.send(.post, "/nop-truc-tuyen/1.001193", raw: complete.0, headers: complete.1)
            #expect(filed.status == .created)
            #expect(filed.text.contains("Giấy tiếp nhận hồ sơ và hẹn trả kết quả") && filed.text.contains("mã tra cứu"))
            let dossierCode = try #require(filed.text.components(separatedBy: "Mã hồ sơ: ").dropFirst().first?.components(separatedBy: "<").first)
            let again = try await client.send(.post, "/nop-truc-tuyen/1.001193", raw: complete.0, headers: complete.1)
            #expect(again.text.contains("Mã hồ sơ: \(dossierCode)"), "the same draft filed again shows the same dossier")

            let desk = try await client.signIn("motcua.badinh")
            let dossier = try await client.send(.get, "/api/dossiers/\(dossierCode)", token: desk).json
            #expect(dossier["channel"] as? Int == 2 && dossier["status"] as? Int == 1 && dossier["receivedBy"] as? String == "cong-dich-vu-cong")
            let applicantFiled = try #require(dossier["applicant"] as? [String: Any])
            #expect(applicantFiled["name"] as? String == "Nguyễn Thị Mai" && applicantFiled["personalId"] as? String == "001190012345")
            let filer = try #require(try await CitizenStore(database: database).filer(of: dossierCode))
            #expect(filer.personalId == "001190012345" && filer.level == .level2)
            #expect((try await client.send(.get, "/api/dossiers", token: desk).json["total"] as? Int) == 1)
            var own = HTTPFields()
            own[.authorization] = "Bearer \(desk)"
            let page = try await client.send(.get, "/can-bo/ho-so/\(dossierCode)", raw: nil, headers: own)
            #expect(page.text.contains("Tệp đính kèm (nộp trực tuyến hoặc bản quét tại quầy)") && page.text.contains("chung-sinh.jpg"))
            let download = try await client.send(.get, "/can-bo/ho-so/\(dossierCode)/tep/1", raw: nil, headers: own)
            #expect(download.status == .ok && [UInt8](download.body) == Self.jpeg && download.headers[.contentType] == "image/jpeg")
            let other = try await client.headers(as: "chuyenvien.stp")
            #expect(try await client.send(.get, "/can-bo/ho-so/\(dossierCode)/tep/1", raw: nil, headers: other).status == .notFound)
        }
    }
}

/// A supplement request answered online: only while the agency waits for it, files checked like any upload,
/// shown to the dossier's desk.
@Suite struct OnlineSupplementTests {
    @Test(arguments: TestEngine.available)
    func aSupplementIsSentFromTheTrackingPage(engine: TestEngine) async throws {
        try await APIHarness.run(engine, clock: TestClock(local: "2026-03-02T09:00:00")) { client, _ in
            let code = try await client.receiveDossier()
            let desk = try await client.signIn("motcua.badinh")
            let secret = try #require(try await client.send(.get, "/api/dossiers/\(code)/forms/01", token: desk).json["trackingSecret"] as? String)
            func send(_ files: [String: (String, [UInt8])], note: String = "") async throws -> APIResponse {
                let (body, headers) = OnlineFilingTests.multipart(["csrf": WebPagesTests.csrf, "code": code, "secret": secret, "note": note],
                                                                  files: files)
                return try await client.send(.post, "/tra-cuu/bo-sung", raw: body, headers: headers)
            }
            let early = try await send([:], note: "Tôi gửi thêm")
            #expect(early.status == .unprocessableContent && early.text.contains("không ở trạng thái chờ bổ sung"))
            for action in [DossierAction.accept] { try #require(try await client.act(code, action, as: "motcua.badinh").status == .ok) }
            try #require(try await client.act(code, .requestSupplement, as: "motcua.badinh", ["reason": "Thiếu bản chính"]).status == .ok)
            let foreign = try await send(["file-0": ("anh.gif", Array("GIF89a".utf8))])
            #expect(foreign.status == .unprocessableContent && foreign.text.contains("không phải PDF, JPEG hoặc PNG"))
            let sent = try await send(["file-0": ("ban-chinh.pdf", OnlineFilingTests.pdf)], note: "Bản chính đây")
            #expect(sent.status == .ok && sent.text.contains("Đã gửi giấy tờ bổ sung") && sent.text.contains("ban-chinh.pdf — Bản chính đây"))
            var own = HTTPFields()
            own[.authorization] = "Bearer \(desk)"
            let page = try await client.send(.get, "/can-bo/ho-so/\(code)", raw: nil, headers: own)
            #expect(page.text.contains("Công dân bổ sung trực tuyến") && page.text.contains("/can-bo/ho-so/\(code)/bo-sung/1"))
            let file = try await client.send(.get, "/can-bo/ho-so/\(code)/bo-sung/1", raw: nil, headers: own)
            #expect(file.status == .ok && [UInt8](file.body) == OnlineFilingTests.pdf)
        }
    }
}
