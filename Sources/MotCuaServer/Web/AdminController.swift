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
