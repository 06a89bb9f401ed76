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

    func register(on router: some RouterMethods<AppRequestContext>) {
        router.get("/", use: search)
        router.get("/thu-tuc", use: search)
        router.get("/thu-tuc/{code}", use: procedure)
    }

    /// The search form arrives in the query: `q`, `linh-vuc`, `cap`, and `trang` (the page, from 1).
    @Sendable func search(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = FormFields(request.uri.query ?? "")
        let text = form["q"]
        let field = form["linh-vuc"].isEmpty ? nil : form["linh-vuc"]
        let level = ProcedureLevel(rawValue: form["cap"])
        let number = PageLinks.pageNumber(form)
        let found = try await catalog.search(query: String(text.prefix(200)), field: field, level: level,
                                             limit: Self.pageSize, offset: (number - 1) * Self.pageSize)
        let page = CatalogPage(layout: PageLayout(title: text.isEmpty ? "Thủ tục hành chính" : "Tìm: \(text)", context: context),
                               query: text, field: field, level: level, fields: try await catalog.fields(),
                               procedures: found.items, total: found.total, page: number, limit: Self.pageSize)
        return try pages.render("catalog", page)
    }

    @Sendable func procedure(_ request: Request, context: AppRequestContext) async throws -> Response {
        let code = try context.parameters.require("code")
        guard let procedure = try await catalog.procedure(code: code) else { throw Problem.notFound("thủ tục mã \(code)") }
        return try pages.render("procedure", ProcedurePage(layout: PageLayout(title: procedure.name, context: context),
                                                           procedure: procedure, today: WorkingCalendar.local(now()).date))
    }
}
