import Foundation
import HTTPTypes
import MotCuaCore
import MotCuaServer
import MotCuaTestSupport
import Testing

/// The control office's process page: versions listed with their BPMN to download; an upload goes through the
/// same import as the API (every problem listed, nothing saved); only administrators.
@Suite struct AdminProcessesPageTests {
    @Test(arguments: TestEngine.available)
    func processesAreListedAndUploaded(engine: TestEngine) async throws {
        try await APIHarness.run(engine, clock: TestClock(local: "2026-03-02T09:00:00")) { client, _ in
            let admin = try await client.headers(as: "quantri")
            let list = try await client.send(.get, "/quan-tri/quy-trinh", raw: nil, headers: admin)
            #expect(list.status == .ok && list.text.contains("/api/processes/1.011599/versions/2/bpmn"))
            let desk = try await client.headers(as: "motcua.badinh")
            #expect(try await client.send(.get, "/quan-tri/quy-trinh", raw: nil, headers: desk).status == .forbidden)

            let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("../../docs/examples/xac-nhan-tinh-trang-hon-nhan.bpmn")
            let file = [UInt8](try Data(contentsOf: example))
            func upload(_ bytes: [UInt8], csrf: String = WebPagesTests.csrf) async throws -> APIResponse {
                try await OnlineFilingTests.upload(client, "/quan-tri/quy-trinh", as: admin, fields: ["procedureCode": "1.004873"],
                                                   files: ["file": ("quy-trinh.bpmn", bytes)], csrf: csrf)
            }
            let saved = try await upload(file)
            #expect(saved.status == .ok && saved.text.contains("Đã lưu phiên bản 2 của quy trình 1.004873"), "\(saved.text.suffix(800))")
            let broken = String(decoding: file, as: UTF8.self).replacingOccurrences(of: "<bpmn:endEvent id=\"end\" name=\"Trả kết quả\" />",
                                                                                   with: "<bpmn:scriptTask id=\"script\" />")
            let refused = try await upload(Array(broken.utf8))
            #expect(refused.status == .unprocessableContent && refused.text.contains("<code>nodes.script</code>"))
            #expect(try await upload(file, csrf: "x").status == .forbidden)
            let versions = try await client.send(.get, "/api/processes?key=1.004873", token: try await client.signIn("quantri")).jsonArray
            #expect(versions.count == 2, "the refused files saved nothing")
        }
    }
}

/// The control office's delegation page: a decision recorded through the API's own rules (an overlap refused
/// next to its field, what was typed kept), then revoked from a day; only administrators.
@Suite struct AdminDelegationsPageTests {
    @Test(arguments: TestEngine.available)
    func decisionsAreRecordedAndRevoked(engine: TestEngine) async throws {
        try await APIHarness.run(engine, clock: TestClock(local: "2026-03-02T09:00:00")) { client, _ in
            func post(_ path: String, _ fields: [String: String]) async throws -> APIResponse {
                try await WebPagesTests.post(client, path, fields, as: "quantri")
            }
            let decision = ["number": "15/QĐ-STP", "signedOn": "2026-03-01", "delegatingAgencyCode": "000.00.14.H26",
                            "delegateAgencyCode": "000.30.01.H26", "procedureCodes": "1.001255", "effectiveFrom": "2026-03-02"]
            let recorded = try await post("/quan-tri/uy-quyen", decision)
            #expect(recorded.status == .ok && recorded.text.contains("Đã ghi quyết định ủy quyền số 15/QĐ-STP") && recorded.text.contains("Đang áp dụng"))
            var overlapping = decision
            overlapping["number"] = "16/QĐ-STP"
            let clash = try await post("/quan-tri/uy-quyen", overlapping)
            #expect(clash.status == .conflict && clash.text.contains(#"id="effectiveFrom-error""#) && clash.text.contains(#"value="16/QĐ-STP""#))
            let revoked = try await post("/quan-tri/uy-quyen/thu-hoi", ["number": "15/QĐ-STP", "delegatingAgencyCode": "000.00.14.H26",
                                                                       "revokedOn": "2026-03-10"])
            #expect(revoked.status == .ok && revoked.text.contains("Thu hồi từ 10/03/2026"))
            let past = try await post("/quan-tri/uy-quyen/thu-hoi", ["number": "15/QĐ-STP", "delegatingAgencyCode": "000.00.14.H26",
                                                                    "revokedOn": "2026-03-01"])
            #expect(past.status == .unprocessableContent)
            let desk = try await client.headers(as: "motcua.badinh")
            #expect(try await client.send(.get, "/quan-tri/uy-quyen", raw: nil, headers: desk).status == .forbidden)
        }
    }
}

/// The control office's catalog page: the catalog downloaded as CSV imports back unchanged; a file with one
/// wrong cell names it and imports nothing; only administrators.
@Suite struct AdminCatalogPageTests {
    @Test(arguments: TestEngine.available)
    func theCatalogIsDownloadedAndUploaded(engine: TestEngine) async throws {
        try await APIHarness.run(engine, clock: TestClock(local: "2026-03-02T09:00:00")) { client, _ in
            let admin = try await client.headers(as: "quantri")
            let page = try await client.send(.get, "/quan-tri/danh-muc", raw: nil, headers: admin)
            #expect(page.status == .ok && page.text.contains("45 thủ tục trong danh mục."))
            let csv = try await client.send(.get, "/quan-tri/danh-muc/tep?dinh-dang=csv", raw: nil, headers: admin)
            #expect(csv.status == .ok && csv.headers[.contentType] == "text/csv; charset=utf-8")
            func upload(_ bytes: [UInt8], name: String) async throws -> APIResponse {
                try await OnlineFilingTests.upload(client, "/quan-tri/danh-muc", as: admin, files: ["file": (name, bytes)])
            }
            let same = try await upload([UInt8](csv.body), name: "danh-muc.csv")
            #expect(same.status == .ok && same.text.contains("Đã nhập 45 thủ tục"), "\(same.text.suffix(500))")
            let broken = try await upload(Array("{\"procedures\": [{\"code\": \"\"}]}".utf8), name: "danh-muc.json")
            #expect(broken.status == .unprocessableContent && broken.text.contains("Không nhập gì."))
            #expect(try await upload(Array("{}".utf8), name: "x.json").text.contains("45 thủ tục trong danh mục."), "nothing was imported")
            let desk = try await client.headers(as: "motcua.badinh")
            #expect(try await client.send(.get, "/quan-tri/danh-muc/tep?dinh-dang=csv", raw: nil, headers: desk).status == .forbidden)
        }
    }
}

/// The control office's officer accounts: an account added with its roles (each problem named by its field, the
/// password never sent back), who then signs in; only administrators.
@Suite struct AdminUsersPageTests {
    @Test(arguments: TestEngine.available)
    func anOfficerIsAddedWithRoles(engine: TestEngine) async throws {
        try await APIHarness.run(engine, clock: TestClock(local: "2026-03-02T09:00:00")) { client, _ in
            func add(_ fields: [String: String]) async throws -> APIResponse {
                try await WebPagesTests.post(client, "/quan-tri/can-bo", fields, as: "quantri")
            }
            var account = ["username": "chuyenvien3.badinh", "fullName": "Phan Văn Mới", "password": "matkhau-moi-2026",
                           "roles": "chuyen-vien@000.30.01.H26"]
            account["roles"] = "chuyen-vien@999.99.99.H26"
            let unknown = try await add(account)
            #expect(unknown.status == .unprocessableContent && unknown.text.contains(#"id="roles-error">Không có cơ quan mã 999.99.99.H26."#))
            #expect(unknown.text.contains(#"value="chuyenvien3.badinh""#) && !unknown.text.contains("matkhau-moi-2026"))
            account["roles"] = "chuyen-vien@000.30.01.H26"
            let added = try await add(account)
            #expect(added.status == .ok && added.text.contains("Đã thêm cán bộ chuyenvien3.badinh"))
            #expect(try await add(account).text.contains("Tài khoản chuyenvien3.badinh đã tồn tại."))
            #expect(try await client.signIn("chuyenvien3.badinh", password: "matkhau-moi-2026").isEmpty == false)
            let desk = try await client.headers(as: "motcua.badinh")
            #expect(try await client.send(.get, "/quan-tri/can-bo", raw: nil, headers: desk).status == .forbidden)
        }
    }

    /// The office renames, re-roles, locks and resets an account from its page; it cannot lock itself out, nor take
    /// from an officer a role under which they still hold work; a locked officer's sessions end at once.
    @Test(arguments: TestEngine.available)
    func anAccountIsChangedButNeverStrandsWork(engine: TestEngine) async throws {
        let clock = TestClock(local: "2026-03-02T09:00:00")
        try await APIHarness.run(engine, clock: clock) { client, _ in
            let code = try await WorkAPITests.inExamination(client, clock)
            let session = try await client.signIn("chuyenvien.badinh")
            try #require(try await client.act(code, .claim, as: "chuyenvien.badinh").status == .ok)
            func change(_ username: String, _ fields: [String: String]) async throws -> APIResponse {
                try await WebPagesTests.post(client, "/quan-tri/can-bo/\(username)", fields, as: "quantri")
            }
            let specialist = ["fullName": "Trần Thị Bình", "roles": "chuyen-vien@000.30.01.H26", "active": "1"]
            var locked = specialist
            locked["active"] = nil
            let holding = try await change("chuyenvien.badinh", locked)
            #expect(holding.status == .unprocessableContent && holding.text.contains("id=\"active-error\"") && holding.text.contains(code))
            var demoted = specialist
            demoted["roles"] = "mot-cua@000.30.01.H26"
            let stillHolding = try await change("chuyenvien.badinh", demoted)
            #expect(stillHolding.status == .unprocessableContent && stillHolding.text.contains("id=\"roles-error\""))
            #expect(stillHolding.text.contains(">mot-cua@000.30.01.H26</textarea>"), "what was typed comes back")
            #expect(try await client.send(.get, "/api/work", token: session).status == .ok, "nothing changed")

            try #require(try await client.act(code, .assign, as: "lanhdao.badinh", ["assignee": "chuyenvien2.badinh"]).status == .ok)
            let done = try await change("chuyenvien.badinh", locked)
            #expect(done.status == .ok && done.text.contains("Đã lưu tài khoản chuyenvien.badinh"), "\(done.text.prefix(300))")
            #expect(try await client.send(.get, "/api/work", token: session).status == .unauthorized, "a locked officer's session ends")
            let signIn = try await client.send(.post, "/api/sessions", json: ["username": "chuyenvien.badinh", "password": DemoAccounts.password])
            #expect(signIn.status == .unauthorized)
            #expect(try await client.send(.get, "/quan-tri/can-bo", raw: nil, headers: try await client.headers(as: "quantri")).text
                .contains("đã khóa"))

            let selfLock = try await change("quantri", ["fullName": "Quản trị", "roles": "quan-tri@000.00.00.H26"])
            #expect(selfLock.status == .unprocessableContent && selfLock.text.contains("Không thể tự khóa"))
            let selfDemote = try await change("quantri", ["fullName": "Quản trị", "roles": "mot-cua@000.30.01.H26", "active": "1"])
            #expect(selfDemote.status == .unprocessableContent && selfDemote.text.contains("Không thể tự bỏ vai trò quản trị"))

            var reset = ["fullName": "Lê Văn Cường", "roles": "chuyen-vien@000.30.01.H26\nlanh-dao-phong@000.30.01.H26", "active": "1",
                         "password": "ngan"]
            #expect(try await change("chuyenvien2.badinh", reset).text.contains("id=\"password-error\""))
            reset["password"] = "mat-khau-moi-2026"
            #expect(try await change("chuyenvien2.badinh", reset).status == .ok)
            #expect(try await client.signIn("chuyenvien2.badinh", password: "mat-khau-moi-2026").isEmpty == false)
            let account = try await client.send(.get, "/quan-tri/can-bo/chuyenvien2.badinh", raw: nil, headers: try await client.headers(as: "quantri"))
            #expect(account.text.contains("value=\"Lê Văn Cường\"") && account.text.contains("lanh-dao-phong@000.30.01.H26") && account.text.contains(code),
                    "the new name and role, and the item the officer now holds")
        }
    }
}


/// The control office's calendar: a day announced on the page counts at once in every deadline; a day that
/// means nothing, or one already past, is refused next to its field; the API keeps the same rules.
@Suite struct AdminCalendarPageTests {
    @Test(arguments: TestEngine.available)
    func anAnnouncedDayCountsAtOnce(engine: TestEngine) async throws {
        try await APIHarness.run(engine, clock: TestClock(local: "2026-11-23T09:00:00")) { client, _ in
            func due() async throws -> String? {
                try await client.send(.get, "/api/calendar/due?from=2026-12-30T09:00:00%2B07:00&workingDays=1").json["due"] as? String
            }
            func post(_ path: String, _ fields: [String: String]) async throws -> APIResponse {
                try await WebPagesTests.post(client, path, fields, as: "quantri")
            }
            #expect(try await due() == "2026-12-31T09:00:00+07:00")
            let announced = try await post("/quan-tri/lich", ["date": "2026-12-31", "kind": "nghi", "name": "Nghỉ thêm dịp Tết Dương lịch"])
            #expect(announced.status == .ok && announced.text.contains("Đã lưu ngày 31/12/2026"))
            #expect(announced.text.contains("Thứ Năm, 31/12/2026"))
            #expect(try await due() == "2027-01-04T09:00:00+07:00", "31/12 off, 1/1 a holiday, then the weekend")

            let cases: [([String: String], String)] = [
                (["date": "2026-12-29", "kind": "lam-viec", "name": "Làm bù"], "kind"),
                (["date": "2026-11-20", "kind": "nghi", "name": "Nghỉ"], "date"),
                (["date": "2026-12-28", "kind": "nghi", "name": ""], "name"),
                (["date": "", "kind": "nghi", "name": "Nghỉ"], "date"),
                (["date": "2026-12-28", "kind": "nghi", "name": "Nghỉ", "replaces": "trung-thu"], "replaces"),
            ]
            for (fields, field) in cases {
                let refused = try await post("/quan-tri/lich", fields)
                #expect(refused.status == .unprocessableContent && refused.text.contains("id=\"\(field)-error\""), "\(fields)")
                if let name = fields["name"], !name.isEmpty { #expect(refused.text.contains("value=\"\(name)\""), "what was typed stays") }
            }
            let days = try await client.send(.get, "/api/calendar/days?year=2026").jsonArray
            #expect(days.map { $0["date"] as? String } == ["2026-01-02", "2026-01-10", "2026-12-31"], "only what was accepted")

            let removed = try await post("/quan-tri/lich/bo", ["date": "2026-12-31"])
            #expect(removed.status == .ok && removed.text.contains("Đã bỏ ngày 31/12/2026"))
            #expect(try await due() == "2026-12-31T09:00:00+07:00")
            #expect(try await post("/quan-tri/lich/bo", ["date": "2026-01-02"]).status == .unprocessableContent, "a past day stays")

            let admin = try await client.signIn("quantri")
            let put = try await client.send(.put, "/api/calendar/days/2027-04-24", token: admin, json: ["kind": "lam-viec", "name": "Làm bù cho 29/4"])
            #expect(put.status == .ok && put.json["date"] as? String == "2027-04-24")
            let badKind = try await client.send(.put, "/api/calendar/days/2027-04-29", token: admin, json: ["kind": "nghi-mat", "name": "Nghỉ"])
            #expect(badKind.status == .unprocessableContent && badKind.json["field"] as? String == "kind")
            let desk = try await client.signIn("motcua.badinh")
            #expect(try await client.send(.put, "/api/calendar/days/2027-04-29", token: desk, json: ["kind": "nghi", "name": "Nghỉ"]).status == .forbidden)
            #expect(try await client.send(.delete, "/api/calendar/days/2027-04-29", token: admin).status == .notFound)
            #expect(try await client.send(.delete, "/api/calendar/days/2027-04-24", token: admin).status == .noContent)
            #expect(try await client.send(.get, "/quan-tri/lich", raw: nil, headers: try await client.headers(as: "motcua.badinh")).status == .forbidden)
        }
    }
}

/// The control office's agencies: found without diacritics, added (an existing code refused), changed; the API
/// keeps the same rules; a new ward's committee can then be given accounts.
@Suite struct AdminAgenciesPageTests {
    @Test(arguments: TestEngine.available)
    func anAgencyIsAddedAndChanged(engine: TestEngine) async throws {
        try await APIHarness.run(engine, clock: TestClock(local: "2026-11-23T09:00:00")) { client, _ in
            let admin = try await client.headers(as: "quantri")
            let found = try await client.send(.get, "/quan-tri/co-quan?q=so+tu+phap", raw: nil, headers: admin)
            #expect(found.status == .ok && found.text.contains("Sở Tư pháp") && found.text.contains("1 cơ quan."))
            func save(_ fields: [String: String]) async throws -> APIResponse {
                try await WebPagesTests.post(client, "/quan-tri/co-quan", fields, as: "quantri")
            }
            var fresh = ["moi": "1", "code": "000.00.42.H26", "name": "Sở Khoa học và Công nghệ", "kind": "so-khoa-hoc-cong-nghe",
                         "unitKey": "", "parentCode": "000.00.00.H26"]
            fresh["parentCode"] = "000.00.99.H26"
            let noParent = try await save(fresh)
            #expect(noParent.status == .unprocessableContent && noParent.text.contains("id=\"parentCode-error\""))
            #expect(noParent.text.contains("value=\"Sở Khoa học và Công nghệ\""), "what was typed stays")
            fresh["parentCode"] = "000.00.00.H26"
            #expect(try await save(fresh).text.contains("Đã lưu cơ quan 000.00.42.H26"))
            let again = try await save(fresh)
            #expect(again.status == .conflict && again.text.contains("id=\"code-error\""), "a second agency never takes an existing code")
            let renamed = try await save(["code": "000.00.42.H26", "name": "Sở Khoa học, Công nghệ và Đổi mới", "kind": "so-khoa-hoc-cong-nghe",
                                          "unitKey": "", "parentCode": "000.00.00.H26"])
            #expect(renamed.status == .ok)
            let agencies = try await client.send(.get, "/api/agencies?kind=so-khoa-hoc-cong-nghe").jsonArray
            #expect(agencies.map { $0["name"] as? String } == ["Sở Khoa học, Công nghệ và Đổi mới"])
            let account = try await WebPagesTests.post(client, "/quan-tri/can-bo", ["username": "chuyenvien.sokhcn", "fullName": "Vũ Thị Khoa",
                                                                                    "password": "matkhau-2026", "roles": "chuyen-vien@000.00.42.H26"],
                                                       as: "quantri")
            #expect(account.text.contains("Đã thêm cán bộ chuyenvien.sokhcn"), "the new agency takes accounts")

            let token = try await client.signIn("quantri")
            let badUnit = try await client.send(.put, "/api/agencies/000.30.98.H26", token: token,
                                                json: ["name": "UBND phường Mới", "kind": "ubnd-xa", "unitKey": "hien-hanh:99999"])
            #expect(badUnit.status == .unprocessableContent && badUnit.json["field"] as? String == "unitKey")
            let badCode = try await client.send(.put, "/api/agencies/H26", token: token, json: ["name": "X", "kind": "ubnd-xa"])
            #expect(badCode.status == .unprocessableContent && badCode.json["field"] as? String == "code")
            let desk = try await client.signIn("motcua.badinh")
            #expect(try await client.send(.put, "/api/agencies/000.30.98.H26", token: desk, json: ["name": "X", "kind": "ubnd-xa"]).status == .forbidden)
        }
    }
}
