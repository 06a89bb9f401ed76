import Foundation
import Hummingbird
import MotCuaCore
import MotCuaStore

/// Cơ quan, đơn vị (quản trị) — the control office's agencies (behind `AdministratorMiddleware`): the list, and
/// adding or changing one through the API's own rules.
struct AdminAgenciesController {
    let pages: WebPages
    let database: Database

    func register(on router: some RouterMethods<AppRequestContext>) {
        router.get("/quan-tri/co-quan", use: list)
        router.post("/quan-tri/co-quan", use: save)
        router.get("/quan-tri/co-quan/moi", use: blank)
        router.get("/quan-tri/co-quan/{code}", use: agency)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let query = FormFields(request.uri.query ?? "")
        return try pages.render("admin-agencies", AdminAgenciesPage(layout: PageLayout(title: "Cơ quan, đơn vị", context: context),
                                                                    agencies: try await ReferenceStore(database: database).agencies(),
                                                                    query: String(query["q"].prefix(100)), kind: query["loai"],
                                                                    page: PageLinks.pageNumber(query)))
    }

    @Sendable func blank(_ request: Request, context: AppRequestContext) async throws -> Response {
        try form(context, agency: nil, typed: nil, problem: nil, notice: nil)
    }

    @Sendable func agency(_ request: Request, context: AppRequestContext) async throws -> Response {
        let code = try context.parameters.require("code")
        guard let agency = try await ReferenceStore(database: database).agency(code: code) else { throw Problem.notFound("cơ quan \(code)") }
        return try form(context, agency: agency, typed: nil, problem: nil, notice: nil)
    }

    /// Adds an agency (the blank form posts `moi=1`, and an existing code is refused), or changes the one posted.
    @Sendable func save(_ request: Request, context: AppRequestContext) async throws -> Response {
        let fields = try await FormFields.read(request)
        var typed: [String: String] = [:]
        for name in AdminAgencyPage.fields { typed[name] = String(fields[name].prefix(300)) }
        let existing = try await ReferenceStore(database: database).agency(code: fields["code"])
        let isNew = fields["moi"] == "1"
        func refused(_ status: HTTPResponse.Status, _ problem: FieldProblem) throws -> Response {
            try form(context, agency: isNew ? nil : existing, typed: typed, problem: problem, notice: nil, status: status)
        }
        guard CSRF.isValid(fields["csrf"], for: request) else { return try refused(.forbidden, FieldProblem(field: "", message: CSRF.expired)) }
        if isNew, let existing {
            return try refused(.conflict, FieldProblem(field: "code", message: "Mã \(existing.code) đã là của \(existing.name); mở cơ quan đó để sửa."))
        }
        let agency = Agency(code: fields["code"], name: fields["name"], kind: fields["kind"],
                            unitKey: fields["unitKey"].isEmpty ? nil : fields["unitKey"],
                            parentCode: fields["parentCode"].isEmpty ? nil : fields["parentCode"])
        do {
            let saved = try await CatalogController.save(agency, by: try context.requireOfficer(), database: database)
            return try form(context, agency: saved, typed: nil, problem: nil, notice: "Đã lưu cơ quan \(saved.code) – \(saved.name).")
        } catch let problem as Problem {
            return try refused(problem.status, FieldProblem(field: problem.field ?? "", message: problem.message))
        }
    }

    private func form(_ context: AppRequestContext, agency: Agency?, typed: [String: String]?, problem: FieldProblem?, notice: String?,
                      status: HTTPResponse.Status = .ok) throws -> Response {
        try pages.render("admin-agency", AdminAgencyPage(layout: PageLayout(title: agency.map { "Cơ quan \($0.code)" } ?? "Thêm cơ quan",
                                                                            context: context),
                                                         agency: agency, typed: typed, problem: problem, notice: notice), status: status)
    }
}
