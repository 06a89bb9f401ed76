import Foundation
import Hummingbird
import MotCuaCore
import MotCuaStore

/// Không gian làm việc của cán bộ — the officer's pages: sign in and out, the work waiting for them, and the
/// printable forms 01–06 of a dossier they may see. Forms post with an anti-forgery token.
struct WorkspaceController {
    let pages: WebPages
    let sessions: SessionController
    let service: DossierService

    var database: Database { service.database }

    func register(on router: Router<AppRequestContext>) {
        router.get("/dang-nhap", use: signInForm)
        router.post("/dang-nhap", use: signIn)
        router.post("/dang-xuat", use: signOut)
        router.get("/can-bo/viec", use: work)
        router.get("/can-bo/ho-so/{code}/mau/{form}", use: printForm)
    }

    /// What the sign-in form posts.
    struct SignInForm: Decodable {
        let username: String?
        let password: String?
        let csrf: String?
    }

    /// What the sign-out form posts.
    struct TokenForm: Decodable {
        let csrf: String?
    }

    @Sendable func signInForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        if context.officer != nil { return .redirect(to: "/can-bo/viec", type: .normal) }
        let (csrf, cookie) = CSRF.token(for: request)
        return try signInPage(csrf: csrf, username: "").setting(cookie)
    }

    @Sendable func signIn(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await Self.decode(SignInForm.self, from: request)
        let (csrf, cookie) = CSRF.token(for: request)
        let username = String((form.username ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(100))
        guard CSRF.isValid(form.csrf, for: request) else {
            return try signInPage(csrf: csrf, username: username, status: .forbidden,
                                  formError: "Biểu mẫu đã hết hạn hoặc không đến từ trang này. Hãy đăng nhập lại.").setting(cookie)
        }
        let password = form.password ?? ""
        if username.isEmpty || password.isEmpty {
            return try signInPage(csrf: csrf, username: username, status: .unprocessableContent,
                                  usernameError: username.isEmpty ? "Nhập tên đăng nhập." : nil,
                                  passwordError: password.isEmpty ? "Nhập mật khẩu." : nil).setting(cookie)
        }
        guard let officer = try await sessions.authenticate(username: username, password: password) else {
            return try signInPage(csrf: csrf, username: username, status: .unauthorized,
                                  passwordError: SessionController.badCredentials).setting(cookie)
        }
        var response = Response.redirect(to: "/can-bo/viec", type: .found)
        response.setCookie(try await sessions.open(for: officer).cookie)
        return response
    }

    @Sendable func signOut(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await Self.decode(TokenForm.self, from: request)
        guard CSRF.isValid(form.csrf, for: request) else { return .redirect(to: "/", type: .found) }
        try await sessions.close(request)
        var response = Response.redirect(to: "/", type: .found)
        response.setCookie(SessionController.clearingCookie)
        return response
    }

    @Sendable func work(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let officer = context.officer else { return .redirect(to: "/dang-nhap", type: .found) }
        let now = service.now()
        let covering = try await AbsenceStore(database: database).covered(by: officer.username, at: now)
        let page = try await WorkItemStore(database: database).queue(username: officer.username, covering: covering,
                                                                     grants: officer.roles, limit: 100, offset: 0)
        let (csrf, cookie) = CSRF.token(for: request)
        let model = WorkPage(layout: PageLayout(title: "Việc của tôi", officer: officer, csrf: csrf), entries: page.items,
                             total: page.total, username: officer.username, now: now)
        return try pages.render("work", model).setting(cookie)
    }

    /// Mẫu 01–06 of a dossier, laid out for printing on A4.
    @Sendable func printForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let officer = context.officer else { return .redirect(to: "/dang-nhap", type: .found) }
        let code = try context.parameters.require("code")
        let form = try context.parameters.require("form")
        let (csrf, cookie) = CSRF.token(for: request)
        let layout = PageLayout(title: "Mẫu \(form) — hồ sơ \(code)", officer: officer, csrf: csrf)
        func missing(_ what: String) throws -> Response {
            try pages.render("not-found", NotFoundPage(layout: layout, what: what), status: .notFound).setting(cookie)
        }
        guard let dossier = try await DossierStore(database: database).dossier(code: code), officer.canSee(dossier),
              let procedure = try await service.catalog.procedure(code: dossier.procedureCode) else {
            return try missing("hồ sơ \(code) trong các cơ quan của bạn")
        }
        let record = try await service.record(of: dossier, procedure: procedure)
        switch form {
        case "01":
            return try pages.render("receipt", ReceiptPrintPage(layout: layout, slip: try await service.receiptSlip(record))).setting(cookie)
        case "06":
            return try pages.render("control-slip", ControlSlipPrintPage(layout: layout, slip: ProcessControlSlip(record))).setting(cookie)
        default:
            guard let kind = DossierNotice.Kind(rawValue: form), let notice = DossierNotice(kind, record: record) else {
                return try missing("mẫu \(form) của hồ sơ \(code) (mẫu 02–05 chỉ có khi đã ban hành)")
            }
            return try pages.render("notice", NoticePrintPage(layout: layout, notice: notice)).setting(cookie)
        }
    }

    private func signInPage(csrf: String, username: String, status: HTTPResponse.Status = .ok, usernameError: String? = nil,
                            passwordError: String? = nil, formError: String? = nil) throws -> Response {
        try pages.render("sign-in", SignInPage(layout: PageLayout(title: "Cán bộ đăng nhập", officer: nil, csrf: csrf),
                                               username: username, usernameError: usernameError,
                                               passwordError: passwordError, formError: formError), status: status)
    }

    /// A posted form (application/x-www-form-urlencoded), at most 16 KiB.
    static func decode<Form: Decodable>(_ type: Form.Type, from request: Request) async throws -> Form {
        let body = try await request.body.collect(upTo: 16 * 1024)
        do {
            return try URLEncodedFormDecoder().decode(Form.self, from: String(buffer: body))
        } catch {
            throw HTTPError(.badRequest, message: "Biểu mẫu gửi lên không đọc được.")
        }
    }
}
