import Foundation
import Hummingbird
import MotCuaCore
import MotCuaStore

/// Không gian làm việc của cán bộ — the signed-in officer's work: the items waiting for them, and the printable
/// forms 01–06 of a dossier they may see.
struct WorkspaceController {
    let pages: WebPages
    let service: DossierService

    var database: Database { service.database }

    func register(on router: some RouterMethods<AppRequestContext>) {
        router.get("/can-bo/viec", use: work)
        router.get("/can-bo/ho-so/{code}/mau/{form}", use: printForm)
    }

    @Sendable func work(_ request: Request, context: AppRequestContext) async throws -> Response {
        let officer = try context.requireOfficer()
        let now = service.now()
        let query = FormFields(request.uri.query ?? "")
        let filter = try WorkQueueFilter(query: query)
        let number = PageLinks.pageNumber(query)
        let found = try await WorkItemStore(database: database).queue(of: officer, at: now, filter: filter, limit: WorkPage.perPage,
                                                                      offset: (number - 1) * WorkPage.perPage)
        return try pages.render("work", WorkPage(layout: PageLayout(title: "Việc của tôi", context: context), entries: found.items,
                                                 total: found.total, filter: filter, page: number, username: officer.username, now: now))
    }

    /// Mẫu 01–06 of a dossier, laid out for printing on A4.
    @Sendable func printForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let code = try context.parameters.require("code")
        let number = try context.parameters.require("form")
        let dossier = try await service.visibleDossier(code: code, officer: try context.requireOfficer())
        let record = try await service.record(of: dossier, procedure: try await service.procedure(of: dossier))
        let layout = PageLayout(title: "Mẫu \(number) — hồ sơ \(code)", context: context)
        switch try await service.form(number, of: record) {
        case .receipt(let slip): return try pages.render("receipt", ReceiptPrintPage(layout: layout, slip: slip))
        case .notice(let notice): return try pages.render("notice", NoticePrintPage(layout: layout, notice: notice))
        case .controlSlip(let slip): return try pages.render("control-slip", ControlSlipPrintPage(layout: layout, slip: slip))
        }
    }
}
