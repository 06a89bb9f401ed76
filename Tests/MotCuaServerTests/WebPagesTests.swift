import Foundation
import HTTPTypes
import MotCuaCore
import MotCuaServer
import MotCuaStore
import MotCuaTestSupport
import Testing

/// The HTML pages through the router: the catalog searched as a browser sends the form, everything typed shown
/// escaped, sign-in guarded by the anti-forgery token and answering next to the field, and an officer never
/// shown another agency's dossier.
@Suite struct WebPagesTests {
    static let csrf = String(repeating: "k", count: 43)

    static func form(_ fields: [String: String], cookies: String) -> (Data, HTTPFields) {
        let body = fields.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
            .joined(separator: "&")
        var headers = HTTPFields()
        headers[.contentType] = "application/x-www-form-urlencoded"
        headers[.cookie] = cookies
        return (Data(body.utf8), headers)
    }

    /// Posts a form (with the anti-forgery token) as a signed-in officer.
    static func post(_ client: APIClient, _ path: String, _ fields: [String: String], as username: String) async throws -> APIResponse {
        var all = fields
        all["csrf"] = csrf
        var headers = try await client.headers(as: username)
        headers[.cookie] = "motcua_csrf=\(csrf)"
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await client.send(.post, path, raw: form(all, cookies: "").0, headers: headers)
    }

    @Test(arguments: TestEngine.available)
    func theCatalogIsSearchedAsABrowserSendsTheForm(engine: TestEngine) async throws {
        try await APIHarness.run(engine, clock: TestClock(local: "2026-03-02T09:00:00")) { client, _ in
            let found = try await client.send(.get, "/thu-tuc?q=dang+ky+khai+sinh&linh-vuc=&cap=", raw: nil)
            #expect(found.status == .ok && found.headers[.contentType] == "text/html; charset=utf-8")
            #expect(found.text.contains(#"<a href="/thu-tuc/1.001193">Đăng ký khai sinh</a>"#))
            #expect(found.headers[.setCookie]?.contains("motcua_csrf=") == true, "a first visit gets its anti-forgery cookie")
            let hostile = try await client.send(.get, "/thu-tuc?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", raw: nil)
            #expect(!hostile.text.contains("<script>alert(1)") && hostile.text.contains("&lt;script&gt;alert(1)"))
            let filtered = try await client.send(.get, "/thu-tuc?cap=cap-tinh&linh-vuc=H%E1%BB%99+t%E1%BB%8Bch", raw: nil)
            #expect(filtered.text.contains("Không tìm thấy thủ tục nào."), "civil status is a ward's field")
            let page = try await client.send(.get, "/thu-tuc/1.004194", raw: nil)
            #expect(page.text.contains("20.000 đồng") && page.text.contains("7 ngày làm việc kể từ khi nhận đủ hồ sơ hợp lệ"))
            #expect(try await client.send(.get, "/thu-tuc/9.999999", raw: nil).status == .notFound)
        }
    }

    @Test(arguments: TestEngine.available)
    func signInIsGuardedAndAnswersNextToTheField(engine: TestEngine) async throws {
        try await APIHarness.run(engine, clock: TestClock(local: "2026-03-02T09:00:00")) { client, _ in
            let cookies = "motcua_csrf=\(Self.csrf)"
            let forged = Self.form(["username": "motcua.badinh", "password": DemoAccounts.password, "csrf": "x" + Self.csrf.dropFirst()],
                                   cookies: cookies)
            let refused = try await client.send(.post, "/dang-nhap", raw: forged.0, headers: forged.1)
            #expect(refused.status == .forbidden && refused.headers[.setCookie]?.contains("motcua_session") != true)

            let empty = Self.form(["username": "", "password": "", "csrf": Self.csrf], cookies: cookies)
            let blank = try await client.send(.post, "/dang-nhap", raw: empty.0, headers: empty.1)
            #expect(blank.status == .unprocessableContent && blank.text.contains(#"id="username-error">Nhập tên đăng nhập."#))

            let wrong = Self.form(["username": "motcua.badinh", "password": "sai", "csrf": Self.csrf], cookies: cookies)
            let bad = try await client.send(.post, "/dang-nhap", raw: wrong.0, headers: wrong.1)
            #expect(bad.status == .unauthorized && bad.text.contains(#"value="motcua.badinh""#), "what was typed stays")
            #expect(!bad.text.contains("value=\"sai\""), "the password is never sent back")

            // A name holding U+0000, which no one types (and PostgreSQL could not store): refused, naming the field,
            // on either database.
            let nul = Self.form(["username": "motcua\u{0}badinh", "password": "sai", "csrf": Self.csrf], cookies: cookies)
            let odd = try await client.send(.post, "/dang-nhap", raw: nul.0, headers: nul.1)
            #expect(odd.status == .unprocessableContent && odd.text.contains("Trường &quot;username&quot;"), "\(odd.status) \(odd.text.prefix(600))")

            let right = Self.form(["username": "motcua.badinh", "password": DemoAccounts.password, "csrf": Self.csrf], cookies: cookies)
            let signedIn = try await client.send(.post, "/dang-nhap", raw: right.0, headers: right.1)
            #expect(signedIn.status == .found && signedIn.headers[.location] == "/can-bo/viec")
            let session = try #require(signedIn.headers[.setCookie]?.split(separator: ";").first.map(String.init))
            var headers = HTTPFields()
            headers[.cookie] = "\(session); \(cookies)"
            let work = try await client.send(.get, "/can-bo/viec", raw: nil, headers: headers)
            #expect(work.status == .ok && work.text.contains("Nguyễn Thị Một Cửa"))
            #expect(try await client.send(.get, "/can-bo/viec", raw: nil).status == .found, "signed out: to the sign-in page")
        }
    }

    @Test(arguments: TestEngine.available)
    func anOfficerSeesOnlyTheirAgenciesDossiers(engine: TestEngine) async throws {
        try await APIHarness.run(engine, clock: TestClock(local: "2026-03-02T09:00:00")) { client, _ in
            let code = try await client.receiveDossier()
            var own = HTTPFields()
            own[.authorization] = "Bearer \(try await client.signIn("motcua.badinh"))"
            let receipt = try await client.send(.get, "/can-bo/ho-so/\(code)/mau/01", raw: nil, headers: own)
            #expect(receipt.status == .ok && receipt.text.contains(code) && receipt.text.contains("09 giờ 00 phút, ngày 02/03/2026"))
            var other = HTTPFields()
            other[.authorization] = "Bearer \(try await client.signIn("chuyenvien.stp"))"
            let hidden = try await client.send(.get, "/can-bo/ho-so/\(code)/mau/01", raw: nil, headers: other)
            #expect(hidden.status == .notFound && !hidden.text.contains("Nguyễn Văn An"))
            let notIssued = try await client.send(.get, "/can-bo/ho-so/\(code)/mau/05", raw: nil, headers: own)
            #expect(notIssued.status == .notFound && notIssued.text.contains("chỉ có khi đã ban hành"))
            let slip = try await client.send(.get, "/can-bo/ho-so/\(code)/mau/06", raw: nil, headers: own)
            #expect(slip.status == .ok && slip.text.contains("Phiếu kiểm soát quá trình giải quyết hồ sơ"))

            // Mẫu 07: this month's register of the officer's own agency by default; another agency's is refused.
            let register = try await client.send(.get, "/can-bo/so-theo-doi", raw: nil, headers: own)
            #expect(register.status == .ok && register.text.contains(code) && register.text.contains("Sổ theo dõi hồ sơ năm 2026"))
            #expect(register.text.contains("Từ ngày 01/03/2026 đến ngày 02/03/2026"))
            let theirs = try await client.send(.get, "/can-bo/so-theo-doi", raw: nil, headers: other)
            #expect(theirs.status == .ok && !theirs.text.contains(code))
            let foreign = try await client.send(.get, "/can-bo/so-theo-doi?co-quan=000.30.01.H26", raw: nil, headers: other)
            #expect(foreign.status == .forbidden && !foreign.text.contains(code))
            let acrossYears = try await client.send(.get, "/can-bo/so-theo-doi?tu=2025-12-01&den=2026-01-31", raw: nil, headers: own)
            #expect(acrossYears.status == .unprocessableContent && acrossYears.text.contains("id=\"den-error\""))
            #expect(acrossYears.text.contains("value=\"2025-12-01\""), "the dates typed stay in the form")
            let badDate = try await client.send(.get, "/can-bo/so-theo-doi?tu=hom-qua", raw: nil, headers: own)
            #expect(badDate.status == .unprocessableContent && badDate.text.contains("id=\"tu-error\""))
        }
    }
}

/// Citizens follow a dossier with its code and the secret on the receipt; a wrong secret and an unknown code get
/// the same answer.
@Suite struct TrackingPageTests {
    @Test(arguments: TestEngine.available)
    func aDossierIsFollowedWithItsCodeAndSecret(engine: TestEngine) async throws {
        let clock = TestClock(local: "2026-03-02T09:00:00")
        try await APIHarness.run(engine, clock: clock) { client, _ in
            let code = try await client.receiveDossier()
            let desk = try await client.signIn("motcua.badinh")
            for action in [DossierAction.accept, .forward] {
                try #require(try await client.act(code, action, as: "motcua.badinh").status == .ok)
            }
            let receipt = try await client.send(.get, "/api/dossiers/\(code)/forms/01", token: desk)
            let secret = try #require(receipt.json["trackingSecret"] as? String)
            #expect(secret.count == 9 && secret.contains("-"))
            clock.set(local: "2026-03-03T10:00:00")
            let cookies = "motcua_csrf=\(WebPagesTests.csrf)"
            func lookUp(_ code: String, _ secret: String, csrf: String = WebPagesTests.csrf) async throws -> APIResponse {
                let form = WebPagesTests.form(["code": code, "secret": secret, "csrf": csrf], cookies: cookies)
                return try await client.send(.post, "/tra-cuu", raw: form.0, headers: form.1)
            }
            let found = try await lookUp(code.lowercased(), secret.lowercased().replacingOccurrences(of: "-", with: " "))
            #expect(found.status == .ok && found.text.contains("Hồ sơ \(code)"), "\(found.text.prefix(300))")
            #expect(found.text.contains("Đang xử lý, còn 6 giờ 30 phút làm việc"), "Tue 10:00 → Wed 09:00: 2 + 3.5 + 1 working hours")
            let wrong = try await lookUp(code, String(secret.reversed()))
            let unknown = try await lookUp("000.30.01.H26-260302-9999", secret)
            #expect(wrong.status == .notFound && unknown.status == .notFound)
            #expect(wrong.text.contains("Không tìm thấy hồ sơ có mã và mã tra cứu này") && !wrong.text.contains("Nguyễn Văn An"))
            #expect(unknown.text.contains("Không tìm thấy hồ sơ có mã và mã tra cứu này"))
            #expect(try await lookUp(code, secret, csrf: "x").status == .forbidden)
            func rate(_ level: String) async throws -> APIResponse {
                let form = WebPagesTests.form(["code": code, "secret": secret, "level": level, "comment": "Tốt", "csrf": WebPagesTests.csrf],
                                              cookies: cookies)
                return try await client.send(.post, "/tra-cuu/danh-gia", raw: form.0, headers: form.1)
            }
            let early = try await rate("hai-long")
            #expect(early.status == .unprocessableContent && early.text.contains("sau khi đã trả kết quả"))
            for (action, officer) in [(DossierAction.forward, "chuyenvien.badinh"), (.forward, "lanhdao.badinh"),
                                      (.finish, "motcua.badinh"), (.returnResult, "motcua.badinh")] {
                try #require(try await client.act(code, action, as: officer).status == .ok)
            }
            let rated = try await rate("khong-hai-long")
            #expect(rated.status == .ok && rated.text.contains("Không hài lòng: “Tốt”"))
            let twice = try await rate("rat-hai-long")
            #expect(twice.status == .unprocessableContent && twice.text.contains("Không hài lòng: “Tốt”"), "the first rating stays")
            let malformed = try await lookUp(code, "123")
            #expect(malformed.status == .unprocessableContent && malformed.text.contains(#"id="secret-error""#))
        }
    }

    /// Once decided, the desk attaches the signed result; the applicant downloads it with the code and secret (a
    /// wrong secret gets nothing); before the decision no result can be attached.
    @Test(arguments: TestEngine.available)
    func aResultIsAttachedAndDownloadedByItsApplicant(engine: TestEngine) async throws {
        try await APIHarness.run(engine, clock: TestClock(local: "2026-03-02T09:00:00")) { client, _ in
            let code = try await client.receiveDossier()
            let secret = try #require(try await client.send(.get, "/api/dossiers/\(code)/forms/01",
                                                            token: try await client.signIn("motcua.badinh")).json["trackingSecret"] as? String)
            let desk = try await client.headers(as: "motcua.badinh")
            func attach(_ bytes: [UInt8], name: String = "giay-xac-nhan.pdf") async throws -> APIResponse {
                try await OnlineFilingTests.upload(client, "/can-bo/ho-so/\(code)/ket-qua", as: desk,
                                                   fields: ["title": "Giấy xác nhận tình trạng hôn nhân"], files: ["file": (name, bytes)])
            }
            for (action, officer) in [(DossierAction.accept, "motcua.badinh"), (.forward, "motcua.badinh"), (.forward, "chuyenvien.badinh")] {
                try #require(try await client.act(code, action, as: officer).status == .ok)
            }
            let early = try await attach(OnlineFilingTests.pdf)
            #expect(early.status == .forbidden && early.text.contains("khi hồ sơ đã có kết quả"))
            #expect(!(try await client.send(.get, "/can-bo/ho-so/\(code)", raw: nil, headers: desk)).text.contains("Đính kèm kết quả"))
            for (action, officer) in [(DossierAction.forward, "lanhdao.badinh"), (.finish, "motcua.badinh")] {
                try #require(try await client.act(code, action, as: officer).status == .ok)
            }
            let notAFile = try await attach(Array("xin chao".utf8), name: "ket-qua.txt")
            #expect(notAFile.status == .unprocessableContent && notAFile.text.contains("id=\"result-error\""))
            #expect(notAFile.text.contains("value=\"Giấy xác nhận tình trạng hôn nhân\""), "the title typed stays")
            let attached = try await attach(OnlineFilingTests.pdf)
            #expect(attached.status == .found, "\(attached.text.prefix(300))")
            let officerCopy = try await client.send(.get, "/can-bo/ho-so/\(code)/ket-qua/1", raw: nil, headers: desk)
            #expect(officerCopy.status == .ok && [UInt8](officerCopy.body) == OnlineFilingTests.pdf)
            let outsider = try await client.send(.get, "/can-bo/ho-so/\(code)/ket-qua/1", raw: nil, headers: try await client.headers(as: "chuyenvien.stp"))
            #expect(outsider.status == .notFound && outsider.body.count < 100_000 && ![UInt8](outsider.body).starts(with: Array("%PDF".utf8)))

            let cookies = "motcua_csrf=\(WebPagesTests.csrf)"
            func post(_ path: String, _ fields: [String: String]) async throws -> APIResponse {
                let form = WebPagesTests.form(fields.merging(["csrf": WebPagesTests.csrf]) { $1 }, cookies: cookies)
                return try await client.send(.post, path, raw: form.0, headers: form.1)
            }
            let tracked = try await post("/tra-cuu", ["code": code, "secret": secret])
            #expect(tracked.text.contains("Tải về: Giấy xác nhận tình trạng hôn nhân"))
            let downloaded = try await post("/tra-cuu/ket-qua", ["code": code, "secret": secret, "seq": "1"])
            #expect(downloaded.status == .ok && [UInt8](downloaded.body) == OnlineFilingTests.pdf)
            #expect(downloaded.headers[.contentDisposition]?.contains("ket-qua-\(code)-1.pdf") == true)
            let guessed = try await post("/tra-cuu/ket-qua", ["code": code, "secret": "AAAA-AAAA", "seq": "1"])
            #expect(guessed.status == .notFound && ![UInt8](guessed.body).starts(with: Array("%PDF".utf8)))
            #expect(try await post("/tra-cuu/ket-qua", ["code": code, "secret": secret, "seq": "2"]).status == .notFound)
        }
    }
}

/// The officer's dossier page: only the actions the officer may take are offered, an action goes through the
/// same rules as the API, and a refused or forged one changes nothing.
@Suite struct DossierPageTests {
    @Test(arguments: TestEngine.available)
    func actionsAreOfferedByRoleAndRefusedOnesChangeNothing(engine: TestEngine) async throws {
        try await APIHarness.run(engine, clock: TestClock(local: "2026-03-02T09:00:00")) { client, _ in
            let code = try await client.receiveDossier()
            func headers(_ username: String) async throws -> HTTPFields {
                var fields = HTTPFields()
                fields[.authorization] = "Bearer \(try await client.signIn(username))"
                fields[.cookie] = "motcua_csrf=\(WebPagesTests.csrf)"
                fields[.contentType] = "application/x-www-form-urlencoded"
                return fields
            }
            let desk = try await client.send(.get, "/can-bo/ho-so/\(code)", raw: nil, headers: try await headers("motcua.badinh"))
            #expect(desk.status == .ok && desk.text.contains(#"name="action" value="tiep-nhan""#))
            let specialist = try await client.send(.get, "/can-bo/ho-so/\(code)", raw: nil, headers: try await headers("chuyenvien.badinh"))
            #expect(specialist.text.contains("Bạn không có thao tác nào") && !specialist.text.contains(#"value="tiep-nhan""#))

            func post(_ fields: String, as username: String) async throws -> APIResponse {
                try await client.send(.post, "/can-bo/ho-so/\(code)/thao-tac", raw: Data(fields.utf8), headers: try await headers(username))
            }
            let forged = try await post("action=tiep-nhan&csrf=nope", as: "motcua.badinh")
            #expect(forged.status == .forbidden)
            let notTheirs = try await post("action=tiep-nhan&csrf=\(WebPagesTests.csrf)", as: "chuyenvien.badinh")
            #expect(notTheirs.status == .forbidden && notTheirs.text.contains("Thao tác này cần vai trò"))
            let noReason = try await post("action=tu-choi&reason=&csrf=\(WebPagesTests.csrf)", as: "motcua.badinh")
            #expect(noReason.status == .unprocessableContent && noReason.text.contains(#"id="loi-tu-choi">Cần ghi rõ lý do."#))
            let desk2 = try await client.signIn("motcua.badinh")
            #expect(try await client.send(.get, "/api/dossiers/\(code)", token: desk2).json["version"] as? Int == 1,
                    "nothing refused was written")
            let accepted = try await post("action=tiep-nhan&version=1&csrf=\(WebPagesTests.csrf)", as: "motcua.badinh")
            #expect(accepted.status == .found && accepted.headers[.location] == "/can-bo/ho-so/\(code)?xong=tiep-nhan")
            #expect(try await client.send(.get, "/api/dossiers/\(code)", token: desk2).json["status"] as? Int == 2)
            let stale = try await post("action=chuyen-buoc&version=1&csrf=\(WebPagesTests.csrf)", as: "motcua.badinh")
            #expect(stale.status == .conflict, "a page older than the dossier is refused")
        }
    }
}

/// The desk's intake page: what the API checks, checked; everything typed kept on a refusal; a double click
/// receives once (its scan kept once, with the dossier and in the citizen's document store); only desk officers
/// receive.
@Suite struct DeskIntakePageTests {
    /// The intake form of the marital-status procedure, posted at the desk.
    static func post(_ client: APIClient, _ personalId: String, as username: String = "motcua.badinh", submission: String = "lan-1",
                     address: String = "Phường Ba Đình", ticked: Bool = true,
                     scans: [String: (String, [UInt8])] = [:]) async throws -> APIResponse {
        var fields = ["procedureCode": "1.004873", "submission": submission, "kind": "cong-dan",
                      "name": "Nguyễn Văn An", "personalId": personalId, "address": address, "phone": "0912345678",
                      "originals-0": "1", "copies-0": "0", "sets": "1", "channel": "1"]
        if ticked { fields["doc-0"] = "1" }
        return try await OnlineFilingTests.upload(client, "/can-bo/tiep-nhan", as: try await client.headers(as: username),
                                                  fields: fields, files: scans)
    }

    /// The form posted four times at once (a double click on a slow line): one dossier, every copy sent to its receipt
    /// — on PostgreSQL too, where the copies are transactions that all find the form not yet received.
    @Test(arguments: TestEngine.available)
    func aFormPostedSeveralTimesAtOnceReceivesOnce(engine: TestEngine) async throws {
        try await APIHarness.run(engine, clock: TestClock(local: "2026-03-02T09:00:00")) { client, _ in
            let copies = try await withThrowingTaskGroup(of: APIResponse.self) { group in
                for _ in 0..<4 { group.addTask { try await Self.post(client, "001090012345", submission: "cung-luc") } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(copies.map(\.status) == Array(repeating: .found, count: 4), "\(copies.map(\.status))")
            #expect(Set(copies.map { $0.headers[.location] ?? "" }).count == 1)
            let desk = try await client.signIn("motcua.badinh")
            #expect((try await client.send(.get, "/api/dossiers", token: desk).json["total"] as? Int) == 1)
        }
    }

    @Test(arguments: TestEngine.available)
    func aCounterDossierIsReceivedOnceFromTheForm(engine: TestEngine) async throws {
        try await APIHarness.run(engine, clock: TestClock(local: "2026-03-02T09:00:00")) { client, database in
            func post(_ personalId: String, as username: String = "motcua.badinh", submission: String = "lan-1",
                      ticked: Bool = true, scans: [String: (String, [UInt8])] = [:]) async throws -> APIResponse {
                try await Self.post(client, personalId, as: username, submission: submission, ticked: ticked, scans: scans)
            }
            let wrong = try await post("12345")
            #expect(wrong.status == .unprocessableContent && wrong.text.contains(#"id="personalId-error""#))
            #expect(wrong.text.contains(#"value="Nguyễn Văn An""#) && wrong.text.contains(#"value="12345""#), "what was typed stays")
            let noAddress = try await Self.post(client, "001090012345", address: "  ")
            #expect(noAddress.status == .unprocessableContent
                    && noAddress.text.contains(#"id="address-error">Cần nhập địa chỉ của chủ hồ sơ."#))
            let untickedScan = try await post("001090012345", ticked: false, scans: ["scan-0": ("to-khai.pdf", OnlineFilingTests.pdf)])
            #expect(untickedScan.status == .unprocessableContent && untickedScan.text.contains("chưa được đánh dấu đã nhận"))
            let notAScan = try await post("001090012345", scans: ["scan-0": ("to-khai.txt", Array("chu".utf8))])
            #expect(notAScan.status == .unprocessableContent && notAScan.text.contains("Chọn lại các tệp quét"))
            let first = try await post("001090012345", scans: ["scan-0": ("to-khai.pdf", OnlineFilingTests.pdf)])
            let again = try await post("001090012345", scans: ["scan-0": ("to-khai.pdf", OnlineFilingTests.pdf)])
            #expect(first.status == .found && first.headers[.location] == again.headers[.location], "a double click receives once")
            let desk = try await client.signIn("motcua.badinh")
            #expect((try await client.send(.get, "/api/dossiers", token: desk).json["total"] as? Int) == 1)
            let receipt = try #require(first.headers[.location])
            #expect(receipt.hasPrefix("/can-bo/ho-so/000.30.01.H26-260302-") && receipt.hasSuffix("/mau/01"))
            let code = receipt.dropFirst("/can-bo/ho-so/".count).dropLast("/mau/01".count)
            let scan = try await client.send(.get, "/can-bo/ho-so/\(code)/tep/0", raw: nil, headers: try await client.headers(as: "motcua.badinh"))
            #expect(scan.status == .ok && [UInt8](scan.body) == OnlineFilingTests.pdf, "the scan is kept with the dossier")
            let stored = try await CitizenDocumentStore(database: database).documents(of: "001090012345")
            #expect(stored.count == 1 && stored.first?.dossierCode == String(code) && stored.first?.source == .submitted,
                    "and in the citizen's document store, once")
            let notDesk = try await post("001090012345", as: "chuyenvien.badinh", submission: "lan-2")
            #expect(notDesk.status == .forbidden && notDesk.text.contains("Chỉ cán bộ một cửa được tiếp nhận hồ sơ."))

            // A returning applicant is filled in from the agency's latest dossier; elsewhere nothing is found.
            let headers = try await client.headers(as: "motcua.badinh")
            let known = try await client.send(.get, "/can-bo/tiep-nhan?thu-tuc=1.004873&tim=001090012345", raw: nil, headers: headers)
            #expect(known.status == .ok && known.text.contains(#"value="Nguyễn Văn An""#) && known.text.contains("Đã điền theo hồ sơ \(code)"))
            let stranger = try await client.send(.get, "/can-bo/tiep-nhan?thu-tuc=1.004873&tim=001090012345", raw: nil,
                                                 headers: try await client.headers(as: "motcua.tttp"))
            #expect(stranger.status == .ok && !stranger.text.contains("Nguyễn Văn An") && stranger.text.contains("Chưa có hồ sơ nào"),
                    "another agency's desk does not see this applicant")
        }
    }
}
