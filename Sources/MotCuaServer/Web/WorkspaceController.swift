import Foundation
import Hummingbird
import MotCuaCore
import MotCuaStore

/// Không gian làm việc của cán bộ — the signed-in officer's work: the items waiting for them, the printable
/// forms 01–06 of a dossier they may see, and the register (form 07) of their agencies.
struct WorkspaceController {
    let pages: WebPages
    let service: DossierService

    var database: Database { service.database }

    func register(on router: some RouterMethods<AppRequestContext>) {
        router.get("/can-bo/viec", use: work)
        router.get("/can-bo/ho-so/{code}/mau/{form}", use: printForm)
        router.get("/can-bo/so-theo-doi", use: register)
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

    /// Mẫu 07: `co-quan` (one of the officer's agencies), `tu` and `den` (dates; this month so far when not given),
    /// `trang`.
    @Sendable func register(_ request: Request, context: AppRequestContext) async throws -> Response {
        let officer = try context.requireOfficer()
        let query = FormFields(request.uri.query ?? "")
        var agencies: [Agency] = []
        for code in officer.agencyCodes {
            if let agency = try await service.reference.agency(code: code) { agencies.append(agency) }
        }
        let agencyCode = query["co-quan"].isEmpty ? agencies.first?.code ?? "" : query["co-quan"]
        let today = WorkingCalendar.local(service.now()).date
        let fromText = query.has("tu") ? query["tu"] : CivilDate(year: today.year, month: today.month, day: 1)!.description
        let toText = query.has("den") ? query["den"] : today.description
        let number = PageLinks.pageNumber(query)
        func render(_ found: (register: DossierRegister, total: Int)?, _ problem: FieldProblem?) throws -> Response {
            try pages.render("register", RegisterPrintPage(layout: PageLayout(title: "Sổ theo dõi hồ sơ", context: context), agencies: agencies,
                                                           agencyCode: agencyCode, from: fromText, to: toText, found: found,
                                                           problem: problem, page: number),
                             status: problem == nil ? .ok : .unprocessableContent)
        }
        guard let from = CivilDate(iso: fromText) else { return try render(nil, FieldProblem(field: "from", message: "Chọn ngày bắt đầu.")) }
        guard let to = CivilDate(iso: toText) else { return try render(nil, FieldProblem(field: "to", message: "Chọn ngày kết thúc.")) }
        do {
            return try render(try await service.register(of: agencyCode, officer: officer, from: from, to: to, limit: RegisterPrintPage.perPage,
                                                          offset: (number - 1) * RegisterPrintPage.perPage), nil)
        } catch let problem as Problem where problem.field != nil {
            return try render(nil, FieldProblem(field: problem.field ?? "", message: problem.message))
        }
    }
}
