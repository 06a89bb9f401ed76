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
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let done = DossierAction(rawValue: FormFields(request.uri.query ?? "")["xong"])
        return try await page(context, code: try context.parameters.require("code"),
                              notice: done.map { "Đã thực hiện: \($0.vietnameseName)." }, refusal: nil)
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
        let now = service.now()
        let service = service
        do {
            _ = try await service.database.write { db in try await service.transition(code: code, body, by: officer, at: now, in: db) }
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
        return try download(file, name: "tep-\(index + 1)")
    }

    /// A file the applicant sent online after a supplement request.
    @Sendable func supplement(_ request: Request, context: AppRequestContext) async throws -> Response {
        let dossier = try await visibleDossier(context)
        let sequence = try context.parameters.require("sequence", as: Int.self)
        let file = try await SupplementStore(database: service.database).entries(of: dossier.code).first { $0.sequence == sequence }?.file
        return try download(file, name: "bo-sung-\(sequence)")
    }

    private func visibleDossier(_ context: AppRequestContext) async throws -> Dossier {
        try await service.visibleDossier(code: try context.parameters.require("code"), officer: try context.requireOfficer())
    }

    /// The file's bytes, checked against its checksum, as a download.
    private func download(_ file: AttachedFile?, name: String) throws -> Response {
        guard let file else { throw Problem.notFound("tệp này trong hồ sơ") }
        guard let bytes = try files.bytes(sha256: file.sha256) else {
            throw Problem(.internalServerError, code: "file-damaged", message: "Tệp không còn nguyên vẹn trong kho; báo quản trị hệ thống.")
        }
        var headers = HTTPFields()
        headers[.contentType] = file.mediaType.rawValue
        headers[.contentDisposition] = "attachment; filename=\"\(name).\(Self.fileExtension(file.mediaType))\""
        headers[.cacheControl] = "private, no-store"
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func fileExtension(_ type: UploadRules.MediaType) -> String {
        switch type {
        case .pdf: "pdf"
        case .jpeg: "jpg"
        case .png: "png"
        }
    }

    private func page(_ context: AppRequestContext, code: String, notice: String?, refusal: DossierPage.Refusal?,
                      status: HTTPResponse.Status = .ok) async throws -> Response {
        let officer = try context.requireOfficer()
        let dossier = try await service.visibleDossier(code: code, officer: officer)
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
                                now: now, calendar: service.workflow.calendar)
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
