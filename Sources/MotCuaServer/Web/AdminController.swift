import Foundation
import Hummingbird
import MotCuaCore
import MotCuaStore

/// Trang quản trị — the procedure-control office's pages (administrator role): the internal processes, listed,
/// downloaded and uploaded as BPMN through the same import as the API and the command line.
struct AdminController {
    let pages: WebPages
    let database: Database
    let now: @Sendable () -> Date

    func register(on router: Router<AppRequestContext>) {
        router.get("/quan-tri/quy-trinh", use: processes)
        router.post("/quan-tri/quy-trinh", use: upload)
        router.get("/quan-tri/danh-muc", use: catalog)
        router.post("/quan-tri/danh-muc", use: importCatalog)
        router.get("/quan-tri/danh-muc/tep", use: catalogFile)
        router.get("/quan-tri/can-bo", use: users)
        router.post("/quan-tri/can-bo", use: addUser)
        router.get("/quan-tri/uy-quyen", use: delegations)
        router.post("/quan-tri/uy-quyen", use: recordDelegation)
        router.post("/quan-tri/uy-quyen/thu-hoi", use: revokeDelegation)
    }

    @Sendable func catalog(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let officer = context.officer else { return .redirect(to: "/dang-nhap", type: .found) }
        let (csrf, cookie) = CSRF.token(for: request)
        return try await catalogPage(officer, csrf: csrf, problem: nil, notice: nil).setting(cookie)
    }

    /// A catalog file uploaded (CSV by its name or content type, else JSON), imported whole or not at all.
    @Sendable func importCatalog(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let officer = context.officer else { return .redirect(to: "/dang-nhap", type: .found) }
        let form = try await MultipartForm.read(request)
        let (csrf, cookie) = CSRF.token(for: request)
        func answer(_ status: HTTPResponse.Status, _ problem: FieldProblem?, _ notice: String?) async throws -> Response {
            try await catalogPage(officer, csrf: csrf, problem: problem, notice: notice, status: status).setting(cookie)
        }
        guard CSRF.isValid(form["csrf"], for: request) else {
            return try await answer(.forbidden, FieldProblem(field: "csrf", message: "Biểu mẫu đã hết hạn; hãy tải lại trang."), nil)
        }
        guard officer.isAdministrator else { return try await answer(.forbidden, nil, nil) }
        guard let file = form.files["file"], !file.bytes.isEmpty else {
            return try await answer(.unprocessableContent, FieldProblem(field: "file", message: "Chọn tệp danh mục (CSV hoặc JSON)."), nil)
        }
        do {
            let procedures = try CatalogImport.procedures(from: Data(file.bytes), csv: file.fileName.lowercased().hasSuffix(".csv"))
            try await CatalogStore(database: database).save(procedures, at: now())
            return try await answer(.ok, nil, "Đã nhập \(procedures.count) thủ tục (thủ tục trùng mã được cập nhật).")
        } catch let problem as FieldProblem {
            return try await answer(.unprocessableContent, problem, nil)
        }
    }

    @Sendable func catalogFile(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let officer = context.officer else { return .redirect(to: "/dang-nhap", type: .found) }
        guard officer.isAdministrator else {
            throw HTTPError(.forbidden, message: "Cần vai trò quản trị.")
        }
        let csv = request.uri.queryParameters["dinh-dang"] == "csv"
        var headers = HTTPFields()
        headers[.contentType] = csv ? "text/csv; charset=utf-8" : "application/json"
        headers[.contentDisposition] = "attachment; filename=\"danh-muc.\(csv ? "csv" : "json")\""
        let data = try CatalogImport.file(try await CatalogStore(database: database).all(), csv: csv)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(data: data)))
    }

    private func catalogPage(_ officer: UserStore.Officer, csrf: String, problem: FieldProblem?, notice: String?,
                             status: HTTPResponse.Status = .ok) async throws -> Response {
        let layout = PageLayout(title: "Danh mục thủ tục", officer: officer, csrf: csrf)
        guard layout.isAdministrator else {
            return try pages.render("not-found", NotFoundPage(layout: layout, what: "trang quản trị cho tài khoản này (cần vai trò quản trị)"),
                                    status: .forbidden)
        }
        let procedures = try await CatalogStore(database: database).all()
        return try pages.render("admin-catalog", AdminCatalogPage(layout: layout, procedures: procedures, problem: problem, notice: notice),
                                status: status)
    }

    @Sendable func users(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let officer = context.officer else { return .redirect(to: "/dang-nhap", type: .found) }
        let (csrf, cookie) = CSRF.token(for: request)
        return try await usersPage(officer, csrf: csrf, typed: [:], problem: nil, notice: nil).setting(cookie)
    }

    @Sendable func addUser(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let officer = context.officer else { return .redirect(to: "/dang-nhap", type: .found) }
        let fields = try await FormFields.read(request)
        let (csrf, cookie) = CSRF.token(for: request)
        let typed = ["username": fields["username"], "fullName": fields["fullName"], "roles": fields["roles"]]
        func answer(_ status: HTTPResponse.Status, _ problem: FieldProblem?, _ notice: String?) async throws -> Response {
            try await usersPage(officer, csrf: csrf, typed: problem == nil ? [:] : typed, problem: problem, notice: notice, status: status)
                .setting(cookie)
        }
        guard CSRF.isValid(fields["csrf"], for: request) else {
            return try await answer(.forbidden, FieldProblem(field: "username", message: "Biểu mẫu đã hết hạn; hãy tải lại trang."), nil)
        }
        guard officer.isAdministrator else { return try await answer(.forbidden, nil, nil) }
        do {
            try await NewAccount.add(username: fields["username"], fullName: fields["fullName"], password: fields["password"],
                                     roles: fields["roles"].components(separatedBy: .newlines), database: database, now: now())
        } catch let problem as FieldProblem {
            return try await answer(.unprocessableContent, problem, nil)
        }
        return try await answer(.ok, nil, "Đã thêm cán bộ \(fields["username"]).")
    }

    private func usersPage(_ officer: UserStore.Officer, csrf: String, typed: [String: String], problem: FieldProblem?,
                           notice: String?, status: HTTPResponse.Status = .ok) async throws -> Response {
        let layout = PageLayout(title: "Cán bộ và vai trò", officer: officer, csrf: csrf)
        guard layout.isAdministrator else {
            return try pages.render("not-found", NotFoundPage(layout: layout, what: "trang quản trị cho tài khoản này (cần vai trò quản trị)"),
                                    status: .forbidden)
        }
        return try pages.render("admin-users", AdminUsersPage(layout: layout, officers: try await UserStore(database: database).all(),
                                                              typed: typed, problem: problem, notice: notice), status: status)
    }

    @Sendable func delegations(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let officer = context.officer else { return .redirect(to: "/dang-nhap", type: .found) }
        let (csrf, cookie) = CSRF.token(for: request)
        return try await delegationsPage(officer, csrf: csrf, typed: [:], problem: nil, notice: nil).setting(cookie)
    }

    @Sendable func recordDelegation(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let officer = context.officer else { return .redirect(to: "/dang-nhap", type: .found) }
        let fields = try await FormFields.read(request)
        let (csrf, cookie) = CSRF.token(for: request)
        var typed: [String: String] = [:]
        for name in AdminDelegationsPage.fields { typed[name] = String(fields[name].prefix(300)) }
        func refused(_ status: HTTPResponse.Status, _ field: String?, _ message: String) async throws -> Response {
            try await delegationsPage(officer, csrf: csrf, typed: typed, problem: (field, message), notice: nil, status: status).setting(cookie)
        }
        guard CSRF.isValid(fields["csrf"], for: request) else { return try await refused(.forbidden, nil, "Biểu mẫu đã hết hạn; hãy tải lại trang.") }
        var days: [String: CivilDate] = [:]
        for name in ["signedOn", "effectiveFrom"] {
            guard let day = CivilDate(iso: fields[name]) else { return try await refused(.unprocessableContent, name, "Chọn ngày.") }
            days[name] = day
        }
        let until = fields["effectiveUntil"].isEmpty ? nil : CivilDate(iso: fields["effectiveUntil"])
        if !fields["effectiveUntil"].isEmpty, until == nil {
            return try await refused(.unprocessableContent, "effectiveUntil", "Ngày hết hiệu lực không hợp lệ.")
        }
        let codes = fields["procedureCodes"].split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\n" }).map(String.init)
        let delegation = Delegation(number: fields["number"], signedOn: days["signedOn"]!, delegatingAgencyCode: fields["delegatingAgencyCode"],
                                    delegateAgencyCode: fields["delegateAgencyCode"], procedureCodes: codes,
                                    effectiveFrom: days["effectiveFrom"]!, effectiveUntil: until)
        do {
            _ = try await DelegationController.record(delegation, by: officer, database: database, now: now())
        } catch let problem as Problem {
            return try await refused(problem.status, problem.field, problem.message)
        }
        return try await delegationsPage(officer, csrf: csrf, typed: [:], problem: nil,
                                         notice: "Đã ghi quyết định ủy quyền số \(delegation.number).").setting(cookie)
    }

    @Sendable func revokeDelegation(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let officer = context.officer else { return .redirect(to: "/dang-nhap", type: .found) }
        let fields = try await FormFields.read(request)
        let (csrf, cookie) = CSRF.token(for: request)
        func answer(_ status: HTTPResponse.Status, problem: String?, notice: String?) async throws -> Response {
            try await delegationsPage(officer, csrf: csrf, typed: [:], problem: problem.map { (nil, $0) }, notice: notice, status: status)
                .setting(cookie)
        }
        guard CSRF.isValid(fields["csrf"], for: request) else { return try await answer(.forbidden, problem: "Biểu mẫu đã hết hạn; hãy tải lại trang.", notice: nil) }
        guard let day = CivilDate(iso: fields["revokedOn"]) else {
            return try await answer(.unprocessableContent, problem: "Chọn ngày thu hồi của quyết định \(fields["number"]).", notice: nil)
        }
        do {
            let revoked = try await DelegationController.revoke(.init(delegatingAgencyCode: fields["delegatingAgencyCode"],
                                                                      number: fields["number"], revokedOn: day),
                                                                by: officer, database: database, now: now())
            return try await answer(.ok, problem: nil, notice: "Đã thu hồi quyết định số \(revoked.number) từ ngày \(day.vietnamese).")
        } catch let problem as Problem {
            return try await answer(problem.status, problem: problem.message, notice: nil)
        }
    }

    private func delegationsPage(_ officer: UserStore.Officer, csrf: String, typed: [String: String], problem: (field: String?, message: String)?,
                                 notice: String?, status: HTTPResponse.Status = .ok) async throws -> Response {
        let layout = PageLayout(title: "Ủy quyền", officer: officer, csrf: csrf)
        guard layout.isAdministrator else {
            return try pages.render("not-found", NotFoundPage(layout: layout, what: "trang quản trị cho tài khoản này (cần vai trò quản trị)"),
                                    status: .forbidden)
        }
        let all = try await DelegationStore(database: database).all()
        var names: [String: String] = [:]
        for code in Set(all.flatMap { [$0.delegatingAgencyCode, $0.delegateAgencyCode] }) {
            names[code] = try await ReferenceStore(database: database).agency(code: code)?.name
        }
        return try pages.render("admin-delegations", AdminDelegationsPage(layout: layout, delegations: all, agencyNames: names,
                                                                          today: WorkingCalendar.local(now()).date, typed: typed,
                                                                          problem: problem, notice: notice), status: status)
    }

    @Sendable func processes(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (csrf, cookie) = CSRF.token(for: request)
        guard let officer = context.officer else { return .redirect(to: "/dang-nhap", type: .found) }
        return try await page(officer, csrf: csrf, problems: [], notice: nil, typed: ("", "", "")).setting(cookie)
    }

    @Sendable func upload(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let officer = context.officer else { return .redirect(to: "/dang-nhap", type: .found) }
        let form = try await MultipartForm.read(request)
        let (csrf, cookie) = CSRF.token(for: request)
        let typed = (form["procedureCode"], form["key"], form["effectiveFrom"])
        func refused(_ status: HTTPResponse.Status, _ problems: [FieldProblem]) async throws -> Response {
            try await page(officer, csrf: csrf, problems: problems, notice: nil, typed: typed, status: status).setting(cookie)
        }
        guard CSRF.isValid(form["csrf"], for: request) else {
            return try await refused(.forbidden, [FieldProblem(field: "csrf", message: "Biểu mẫu đã hết hạn; hãy tải lại trang.")])
        }
        guard let file = form.files["file"], !file.bytes.isEmpty else {
            return try await refused(.unprocessableContent, [FieldProblem(field: "file", message: "Chọn tệp BPMN để nạp.")])
        }
        do {
            let saved = try await ProcessController.importFile(Data(file.bytes), procedureCode: typed.0, key: typed.1,
                                                               effectiveFrom: typed.2, by: officer, database: database, now: now())
            let notice = "Đã lưu phiên bản \(saved.version) của quy trình \(saved.key), áp dụng cho hồ sơ nhận từ ngày "
                + "\(saved.effectiveFrom.vietnamese)."
            return try await page(officer, csrf: csrf, problems: [], notice: notice, typed: ("", "", "")).setting(cookie)
        } catch let rejected as ProcessImport.Rejected {
            return try await refused(.unprocessableContent, rejected.problems)
        } catch let problem as Problem {
            return try await refused(problem.status, [FieldProblem(field: problem.field ?? "", message: problem.message)])
        }
    }

    private func page(_ officer: UserStore.Officer, csrf: String, problems: [FieldProblem], notice: String?,
                      typed: (String, String, String), status: HTTPResponse.Status = .ok) async throws -> Response {
        let layout = PageLayout(title: "Quy trình nội bộ", officer: officer, csrf: csrf)
        guard layout.isAdministrator else {
            return try pages.render("not-found", NotFoundPage(layout: layout, what: "trang quản trị cho tài khoản này (cần vai trò quản trị)"),
                                    status: .forbidden)
        }
        let versions = try await ProcessStore(database: database).versions()
        return try pages.render("admin-processes", AdminProcessesPage(layout: layout, versions: versions, problems: problems,
                                                                      notice: notice, typed: typed), status: status)
    }
}
