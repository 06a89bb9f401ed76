import Foundation
import Hummingbird
import MotCuaCore
import MotCuaStore

/// Cổng công dân — the public pages: the catalog of procedures, searched without caring for diacritics and
/// filtered by field and level, and each procedure's page.
struct PortalController {
    let pages: WebPages
    let catalog: CatalogStore
    let now: @Sendable () -> Date

    static let pageSize = 20

    func register(on router: Router<AppRequestContext>) {
        router.get("/", use: search)
        router.get("/thu-tuc", use: search)
        router.get("/thu-tuc/{code}", use: procedure)
    }

    /// The search form's fields, as a browser sends them in the query (`+` for a space).
    struct SearchForm: Decodable {
        let q: String?
        let field: String?
        let level: String?
        let from: String?

        enum CodingKeys: String, CodingKey {
            case q, field = "linh-vuc", level = "cap", from = "tu"
        }
    }

    @Sendable func search(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = (try? URLEncodedFormDecoder().decode(SearchForm.self, from: request.uri.query ?? ""))
            ?? SearchForm(q: nil, field: nil, level: nil, from: nil)
        let text = (form.q ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let field = form.field.flatMap { $0.isEmpty ? nil : $0 }
        let level = form.level.flatMap(ProcedureLevel.init(rawValue:))
        let offset = max(0, form.from.flatMap { Int($0) } ?? 0)
        let found = try await catalog.search(query: String(text.prefix(200)), field: field, level: level,
                                             limit: Self.pageSize, offset: offset)
        let (csrf, cookie) = CSRF.token(for: request)
        let page = CatalogPage(layout: PageLayout(title: text.isEmpty ? "Thủ tục hành chính" : "Tìm: \(text)",
                                                  officer: context.officer, csrf: csrf),
                               query: text, field: field, level: level, fields: try await catalog.fields(),
                               procedures: found.items, total: found.total, offset: offset, limit: Self.pageSize)
        return try pages.render("catalog", page).setting(cookie)
    }

    @Sendable func procedure(_ request: Request, context: AppRequestContext) async throws -> Response {
        let code = try context.parameters.require("code")
        let (csrf, cookie) = CSRF.token(for: request)
        guard let procedure = try await catalog.procedure(code: code) else {
            return try pages.render("not-found", NotFoundPage(layout: PageLayout(title: "Không tìm thấy", officer: context.officer, csrf: csrf),
                                                             what: "thủ tục mã \(code)"), status: .notFound)
        }
        let page = ProcedurePage(layout: PageLayout(title: procedure.name, officer: context.officer, csrf: csrf),
                                 procedure: procedure, today: WorkingCalendar.local(now()).date)
        return try pages.render("procedure", page).setting(cookie)
    }
}

/// Trang không tìm thấy — what was looked for, and the way back.
struct NotFoundPage {
    let layout: PageLayout
    let what: String
}

extension Response {
    /// The response with a cookie set, when there is one to set.
    func setting(_ cookie: Cookie?) -> Response {
        guard let cookie else { return self }
        var response = self
        response.setCookie(cookie)
        return response
    }
}
