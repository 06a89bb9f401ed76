import Foundation
import Hummingbird
import MotCuaCore
import MotCuaStore

/// Hồ sơ trên trang cán bộ — an officer's view of one dossier and the actions they may take on it; an action
/// posted goes through the same rules and transaction as the API's transition, then back to the page (or the
/// page again with the problem next to the field). The files the applicant sent open from here.
struct DossierPageController {
    let pages: WebPages
    let service: DossierService
    let files: FileStore

    func register(on router: some RouterMethods<AppRequestContext>) {
        router.get("/can-bo/ho-so/{code}", use: show)
        router.post("/can-bo/ho-so/{code}/thao-tac", use: act)
        router.get("/can-bo/ho-so/{code}/tep/{index}", use: attachment)
        router.get("/can-bo/ho-so/{code}/bo-sung/{sequence}", use: supplement)
        router.post("/can-bo/ho-so/{code}/ket-qua", use: attachResult)
        router.get("/can-bo/ho-so/{code}/ket-qua/{sequence}", use: result)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let query = FormFields(request.uri.query ?? "")
        let done = DossierAction(rawValue: query["xong"]).map { "Đã thực hiện: \($0.vietnameseName)." }
        return try await page(context, code: try context.parameters.require("code"),
                              notice: query.has("ket-qua") ? "Đã đính kèm kết quả; công dân tải được khi tra cứu." : done, refusal: nil)
    }

    @Sendable func act(_ request: Request, context: AppRequestContext) async throws -> Response {
        let officer = try context.requireOfficer()
        let code = try context.parameters.require("code")
        let form = try await FormFields.read(request)
        let action = form["action"]
        func refused(_ status: HTTPResponse.Status, _ message: String) async throws -> Response {
            let refusal = DossierPage.Refusal(action: action, message: message, reason: form["reason"], result: form["result"])
            return try await page(context, code: code, notice: nil, refusal: refusal, status: status)
        }
        guard CSRF.isValid(form["csrf"], for: request) else { return try await refused(.forbidden, CSRF.expired) }
        var newDue: Date?
        if !form["newDueAt"].isEmpty {
            guard let parsed = Self.localInstant(form["newDueAt"]) else {
                return try await refused(.unprocessableContent, "Ngày hẹn trả mới có dạng ngày và giờ, ví dụ 20/03/2026 17:00.")
            }
            newDue = parsed
        }
        func optional(_ name: String) -> String? { form[name].isEmpty ? nil : form[name] }
        let body = TransitionBody(action: action, reason: optional("reason"), newDueAt: newDue, expectedVersion: form.number("version"),
                                  workItem: form.number("workItem"), decision: optional("decision"), assignee: optional("assignee"),
                                  result: optional("result"))
        let service = service
        let drafted = await service.draftTransition(code: code, body, by: officer, at: service.now(), reference: context.reference)
        do {
            _ = try await service.database.write { db in try await service.save(drafted, in: db) }
        } catch let problem as Problem {
            return try await refused(problem.status, problem.message)
        }
        return .redirect(to: "/can-bo/ho-so/\(code)?xong=\(action)", type: .found)
    }

    /// A file the applicant attached when filing online.
    @Sendable func attachment(_ request: Request, context: AppRequestContext) async throws -> Response {
        let dossier = try await visibleDossier(context)
        let index = try context.parameters.require("index", as: Int.self)
        let file = try await OnlineFilingStore(database: service.database).files(of: dossier.code).first { $0.documentIndex == index }
        return try await files.download(file, name: "tep-\(index + 1)")
    }

    /// A file the applicant sent online after a supplement request.
    @Sendable func supplement(_ request: Request, context: AppRequestContext) async throws -> Response {
        let dossier = try await visibleDossier(context)
        let sequence = try context.parameters.require("sequence", as: Int.self)
        let file = try await SupplementStore(database: service.database).entries(of: dossier.code).first { $0.sequence == sequence }?.file
        return try await files.download(file, name: "bo-sung-\(sequence)")
    }

    /// The decided dossier's result document, attached for the applicant to download (`ResultFileRules`).
    @Sendable func attachResult(_ request: Request, context: AppRequestContext) async throws -> Response {
        let officer = try context.requireOfficer()
        let code = try context.parameters.require("code")
        let form = try await MultipartForm.read(request)
        func refused(_ status: HTTPResponse.Status, _ message: String) async throws -> Response {
            try await page(context, code: code, notice: nil, refusal: nil, result: (form["title"], message), status: status)
        }
        guard CSRF.isValid(form["csrf"], for: request) else { return try await refused(.forbidden, CSRF.expired) }
        let dossier = try await service.visibleDossier(code: code, officer: officer)
        let roles = try await service.actor(officer, at: service.now()).roles(actingOn: dossier)
        if let problem = ResultFileRules.problem(status: dossier.state.status, roles: roles, title: form["title"]) {
            return try await refused(problem.field.isEmpty ? .forbidden : .unprocessableContent, problem.message)
        }
        guard let upload = form.files["file"], !upload.bytes.isEmpty else { return try await refused(.unprocessableContent, "Chọn tệp kết quả.") }
        do {
            let file = try await files.keep(upload, field: "file", documentIndex: 0, documentName: form["title"])
            // The result lands in the store of the citizen it is issued to: the applicant named by personal ID (one who
            // filed online is named by the e-ID's).
            let owner = dossier.applicant.personalId
            let issuer = try await service.reference.agency(code: dossier.agencyCode)?.name ?? dossier.agencyCode
            _ = try await ResultFileStore(database: service.database).add(file, title: form["title"], to: code, by: officer.username,
                                                                          at: service.now(), landing: owner.map { ($0, issuer) })
        } catch let problem as FieldProblem {
            return try await refused(.unprocessableContent, problem.message)
        }
        return .redirect(to: "/can-bo/ho-so/\(code)?ket-qua=1", type: .found)
    }

    /// A result document of the dossier.
    @Sendable func result(_ request: Request, context: AppRequestContext) async throws -> Response {
        let dossier = try await visibleDossier(context)
        let sequence = try context.parameters.require("sequence", as: Int.self)
        let entry = try await ResultFileStore(database: service.database).entries(of: dossier.code).first { $0.sequence == sequence }
        return try await files.download(entry?.file, name: "ket-qua-\(sequence)")
    }

    private func visibleDossier(_ context: AppRequestContext) async throws -> Dossier {
        try await service.visibleDossier(code: try context.parameters.require("code"), officer: try context.requireOfficer())
    }

    /// The page; `result` is the title typed and the problem, when attaching a result was refused.
    private func page(_ context: AppRequestContext, code: String, notice: String?, refusal: DossierPage.Refusal?,
                      result: (title: String, problem: String)? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let officer = try context.requireOfficer()
        let dossier = try await service.openDossier(code: code, officer: officer)
        let procedure = try await service.procedure(of: dossier)
        let now = service.now()
        let database = service.database
        let model = DossierPage(layout: PageLayout(title: "Hồ sơ \(code)", context: context),
                                record: try await service.record(of: dossier, procedure: procedure),
                                offers: try await service.offers(on: dossier, procedure: procedure, to: officer, at: now),
                                refusal: refusal, notice: notice,
                                attached: try await OnlineFilingStore(database: database).files(of: dossier.code),
                                supplements: try await SupplementStore(database: database).entries(of: dossier.code),
                                rating: try await RatingStore(database: database).rating(of: dossier.code),
                                results: ResultFilesSection(dossier: dossier, entries: try await ResultFileStore(database: database).entries(of: dossier.code),
                                                            roles: try await service.actor(officer, at: now).roles(actingOn: dossier),
                                                            defaultTitle: procedure.results.first ?? "Kết quả giải quyết",
                                                            typedTitle: result?.title, error: result?.problem),
                                now: now, calendar: service.workflow.calendar,
                                filedWith: try await CitizenStore(database: database).filer(of: dossier.code)?.level,
                                registryFields: try await RegistryReuseStore(database: database).fields(of: dossier.code))
        return try pages.render("dossier", model, status: status)
    }

    /// `2026-03-20T17:00` (a datetime-local field) in Hanoi time.
    static func localInstant(_ text: String) -> Date? {
        let parts = text.split(separator: "T")
        guard parts.count == 2, let day = CivilDate(iso: String(parts[0])) else { return nil }
        let clock = parts[1].split(separator: ":").compactMap { Int($0) }
        guard clock.count >= 2, (0..<24).contains(clock[0]), (0..<60).contains(clock[1]) else { return nil }
        return WorkingCalendar.instant(day, second: clock[0] * 3600 + clock[1] * 60)
    }
}
