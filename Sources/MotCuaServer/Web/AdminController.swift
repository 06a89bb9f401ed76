import Foundation
import Hummingbird
import MotCuaCore
import MotCuaStore

/// Trang quản trị — the procedure-control office's pages (behind `AdministratorMiddleware`): the catalog, the
/// internal processes, the delegation decisions and the officer accounts, each changed through the same path as
/// the API or the command line, with what was typed kept and the problem shown when one is refused.
struct AdminController {
    let pages: WebPages
    let database: Database
    let now: @Sendable () -> Date

    func register(on router: some RouterMethods<AppRequestContext>) {
        router.get("/quan-tri/danh-muc", use: catalog)
        router.post("/quan-tri/danh-muc", use: importCatalog)
        router.get("/quan-tri/danh-muc/tep", use: catalogFile)
        router.get("/quan-tri/quy-trinh", use: processes)
        router.post("/quan-tri/quy-trinh", use: upload)
        router.get("/quan-tri/uy-quyen", use: delegations)
        router.post("/quan-tri/uy-quyen", use: recordDelegation)
        router.post("/quan-tri/uy-quyen/thu-hoi", use: revokeDelegation)
        router.get("/quan-tri/can-bo", use: users)
        router.post("/quan-tri/can-bo", use: addUser)
        router.get("/quan-tri/can-bo/{username}", use: user)
        router.post("/quan-tri/can-bo/{username}", use: changeUser)
    }

    // MARK: The catalog

    @Sendable func catalog(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await catalogPage(context, problem: nil, notice: nil)
    }

    /// A catalog file uploaded (CSV by its name, else JSON), imported whole or not at all.
    @Sendable func importCatalog(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await MultipartForm.read(request)
        guard CSRF.isValid(form["csrf"], for: request) else {
            return try await catalogPage(context, problem: FieldProblem(field: "csrf", message: CSRF.expired), notice: nil, status: .forbidden)
        }
        guard let file = form.files["file"], !file.bytes.isEmpty else {
            return try await catalogPage(context, problem: FieldProblem(field: "file", message: "Chọn tệp danh mục (CSV hoặc JSON)."),
                                         notice: nil, status: .unprocessableContent)
        }
        do {
            let procedures = try CatalogImport.procedures(from: Data(file.bytes), csv: file.fileName.lowercased().hasSuffix(".csv"))
            try await CatalogStore(database: database).save(procedures, at: now())
            return try await catalogPage(context, problem: nil, notice: "Đã nhập \(procedures.count) thủ tục (thủ tục trùng mã được cập nhật).")
        } catch let problem as FieldProblem {
            return try await catalogPage(context, problem: problem, notice: nil, status: .unprocessableContent)
        }
    }

    @Sendable func catalogFile(_ request: Request, context: AppRequestContext) async throws -> Response {
        let csv = FormFields(request.uri.query ?? "")["dinh-dang"] == "csv"
        var headers = HTTPFields()
        headers[.contentType] = csv ? "text/csv; charset=utf-8" : "application/json"
        headers[.contentDisposition] = "attachment; filename=\"danh-muc.\(csv ? "csv" : "json")\""
        let data = try CatalogImport.file(try await CatalogStore(database: database).all(), csv: csv)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(data: data)))
    }

    private func catalogPage(_ context: AppRequestContext, problem: FieldProblem?, notice: String?,
                             status: HTTPResponse.Status = .ok) async throws -> Response {
        try pages.render("admin-catalog", AdminCatalogPage(layout: PageLayout(title: "Danh mục thủ tục", context: context),
                                                           procedures: try await CatalogStore(database: database).all(),
                                                           problem: problem, notice: notice), status: status)
    }

    // MARK: Internal processes

    @Sendable func processes(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await processesPage(context, problems: [], notice: nil, typed: ("", "", ""))
    }

    @Sendable func upload(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await MultipartForm.read(request)
        let typed = (form["procedureCode"], form["key"], form["effectiveFrom"])
        func refused(_ status: HTTPResponse.Status, _ problems: [FieldProblem]) async throws -> Response {
            try await processesPage(context, problems: problems, notice: nil, typed: typed, status: status)
        }
        guard CSRF.isValid(form["csrf"], for: request) else { return try await refused(.forbidden, [FieldProblem(field: "csrf", message: CSRF.expired)]) }
        guard let file = form.files["file"], !file.bytes.isEmpty else {
            return try await refused(.unprocessableContent, [FieldProblem(field: "file", message: "Chọn tệp BPMN để nạp.")])
        }
        do {
            let saved = try await ProcessController.importFile(Data(file.bytes), procedureCode: typed.0, key: typed.1,
                                                               effectiveFrom: typed.2, by: try context.requireOfficer(),
                                                               database: database, now: now())
            let notice = "Đã lưu phiên bản \(saved.version) của quy trình \(saved.key), áp dụng cho hồ sơ nhận từ ngày "
                + "\(saved.effectiveFrom.vietnamese)."
            return try await processesPage(context, problems: [], notice: notice, typed: ("", "", ""))
        } catch let rejected as ProcessImport.Rejected {
            return try await refused(.unprocessableContent, rejected.problems)
        } catch let problem as Problem {
            return try await refused(problem.status, [FieldProblem(field: problem.field ?? "", message: problem.message)])
        }
    }

    private func processesPage(_ context: AppRequestContext, problems: [FieldProblem], notice: String?, typed: (String, String, String),
                               status: HTTPResponse.Status = .ok) async throws -> Response {
        try pages.render("admin-processes", AdminProcessesPage(layout: PageLayout(title: "Quy trình nội bộ", context: context),
                                                               versions: try await ProcessStore(database: database).versions(),
                                                               problems: problems, notice: notice, typed: typed), status: status)
    }

    // MARK: Delegation decisions

    @Sendable func delegations(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await delegationsPage(context, typed: [:], problem: nil, notice: nil)
    }

    @Sendable func recordDelegation(_ request: Request, context: AppRequestContext) async throws -> Response {
        let fields = try await FormFields.read(request)
        var typed: [String: String] = [:]
        for name in AdminDelegationsPage.fields { typed[name] = String(fields[name].prefix(300)) }
        func refused(_ status: HTTPResponse.Status, _ field: String?, _ message: String) async throws -> Response {
            try await delegationsPage(context, typed: typed, problem: (field, message), notice: nil, status: status)
        }
        guard CSRF.isValid(fields["csrf"], for: request) else { return try await refused(.forbidden, nil, CSRF.expired) }
        guard let signedOn = CivilDate(iso: fields["signedOn"]) else { return try await refused(.unprocessableContent, "signedOn", "Chọn ngày.") }
        guard let from = CivilDate(iso: fields["effectiveFrom"]) else {
            return try await refused(.unprocessableContent, "effectiveFrom", "Chọn ngày.")
        }
        let until = CivilDate(iso: fields["effectiveUntil"])
        if !fields["effectiveUntil"].isEmpty, until == nil {
            return try await refused(.unprocessableContent, "effectiveUntil", "Ngày hết hiệu lực không hợp lệ.")
        }
        let codes = fields["procedureCodes"].split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
        let delegation = Delegation(number: fields["number"], signedOn: signedOn, delegatingAgencyCode: fields["delegatingAgencyCode"],
                                    delegateAgencyCode: fields["delegateAgencyCode"], procedureCodes: codes, effectiveFrom: from,
                                    effectiveUntil: until)
        do {
            _ = try await DelegationController.record(delegation, by: try context.requireOfficer(), database: database, now: now())
        } catch let problem as Problem {
            return try await refused(problem.status, problem.field, problem.message)
        }
        return try await delegationsPage(context, typed: [:], problem: nil, notice: "Đã ghi quyết định ủy quyền số \(delegation.number).")
    }

    @Sendable func revokeDelegation(_ request: Request, context: AppRequestContext) async throws -> Response {
        let fields = try await FormFields.read(request)
        func refused(_ status: HTTPResponse.Status, _ message: String) async throws -> Response {
            try await delegationsPage(context, typed: [:], problem: (nil, message), notice: nil, status: status)
        }
        guard CSRF.isValid(fields["csrf"], for: request) else { return try await refused(.forbidden, CSRF.expired) }
        guard let day = CivilDate(iso: fields["revokedOn"]) else {
            return try await refused(.unprocessableContent, "Chọn ngày thu hồi của quyết định \(fields["number"]).")
        }
        do {
            let revoked = try await DelegationController.revoke(.init(delegatingAgencyCode: fields["delegatingAgencyCode"],
                                                                      number: fields["number"], revokedOn: day),
                                                                by: try context.requireOfficer(), database: database, now: now())
            return try await delegationsPage(context, typed: [:], problem: nil,
                                             notice: "Đã thu hồi quyết định số \(revoked.number) từ ngày \(day.vietnamese).")
        } catch let problem as Problem {
            return try await refused(problem.status, problem.message)
        }
    }

    private func delegationsPage(_ context: AppRequestContext, typed: [String: String], problem: (field: String?, message: String)?,
                                 notice: String?, status: HTTPResponse.Status = .ok) async throws -> Response {
        let all = try await DelegationStore(database: database).all()
        var names: [String: String] = [:]
        for code in Set(all.flatMap { [$0.delegatingAgencyCode, $0.delegateAgencyCode] }) {
            names[code] = try await ReferenceStore(database: database).agency(code: code)?.name
        }
        return try pages.render("admin-delegations", AdminDelegationsPage(layout: PageLayout(title: "Ủy quyền", context: context),
                                                                          delegations: all, agencyNames: names,
                                                                          today: WorkingCalendar.local(now()).date, typed: typed,
                                                                          problem: problem, notice: notice), status: status)
    }

    // MARK: Officer accounts

    @Sendable func users(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await usersPage(context, typed: [:], problem: nil, notice: nil)
    }

    @Sendable func addUser(_ request: Request, context: AppRequestContext) async throws -> Response {
        let fields = try await FormFields.read(request)
        let typed = ["username": fields["username"], "fullName": fields["fullName"], "roles": fields["roles"]]
        guard CSRF.isValid(fields["csrf"], for: request) else {
            return try await usersPage(context, typed: typed, problem: FieldProblem(field: "username", message: CSRF.expired), notice: nil,
                                       status: .forbidden)
        }
        do {
            try await NewAccount.add(username: fields["username"], fullName: fields["fullName"], password: fields.raw("password"),
                                     roles: fields["roles"].components(separatedBy: .newlines), database: database,
                                     by: try context.requireOfficer().username, now: now())
        } catch let problem as FieldProblem {
            return try await usersPage(context, typed: typed, problem: problem, notice: nil, status: .unprocessableContent)
        }
        return try await usersPage(context, typed: [:], problem: nil, notice: "Đã thêm cán bộ \(fields["username"]).")
    }

    private func usersPage(_ context: AppRequestContext, typed: [String: String], problem: FieldProblem?, notice: String?,
                           status: HTTPResponse.Status = .ok) async throws -> Response {
        try pages.render("admin-users", AdminUsersPage(layout: PageLayout(title: "Cán bộ và vai trò", context: context),
                                                       officers: try await UserStore(database: database).all(),
                                                       typed: typed, problem: problem, notice: notice), status: status)
    }

    @Sendable func user(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await userPage(context, typed: nil, problem: nil, notice: nil)
    }

    @Sendable func changeUser(_ request: Request, context: AppRequestContext) async throws -> Response {
        let fields = try await FormFields.read(request)
        guard CSRF.isValid(fields["csrf"], for: request) else {
            return try await userPage(context, typed: fields, problem: FieldProblem(field: "fullName", message: CSRF.expired), notice: nil,
                                      status: .forbidden)
        }
        let change = AccountChange.Request(username: try context.parameters.require("username"), fullName: fields["fullName"],
                                           roles: fields["roles"].components(separatedBy: .newlines), active: fields["active"] == "1",
                                           newPassword: fields.raw("password"))
        do {
            try await AccountChange.apply(change, by: try context.requireOfficer(), database: database, at: now())
        } catch let problem as FieldProblem {
            return try await userPage(context, typed: fields, problem: problem, notice: nil, status: .unprocessableContent)
        }
        return try await userPage(context, typed: nil, problem: nil, notice: "Đã lưu tài khoản \(change.username).")
    }

    private func userPage(_ context: AppRequestContext, typed: FormFields?, problem: FieldProblem?, notice: String?,
                          status: HTTPResponse.Status = .ok) async throws -> Response {
        let username = try context.parameters.require("username")
        guard let officer = try await UserStore(database: database).officer(username: username) else {
            throw Problem.notFound("cán bộ \(username)")
        }
        return try pages.render("admin-user", AdminUserPage(layout: PageLayout(title: "Tài khoản \(username)", context: context),
                                                            officer: officer, typed: typed,
                                                            held: try await WorkItemStore(database: database).held(by: username),
                                                            problem: problem, notice: notice), status: status)
    }
}
