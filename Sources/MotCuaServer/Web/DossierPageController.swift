import Foundation
import Hummingbird
import MotCuaCore
import MotCuaStore

/// Hồ sơ trên trang cán bộ — an officer's view of one dossier and the actions they may take on it; an action
/// posted goes through the same rules and transaction as the API's transition, then back to the page (or the
/// page again with the problem next to the field).
struct DossierPageController {
    let pages: WebPages
    let service: DossierService
    let files: FileStore

    func register(on router: Router<AppRequestContext>) {
        router.get("/can-bo/ho-so/{code}", use: show)
        router.post("/can-bo/ho-so/{code}/thao-tac", use: act)
        router.get("/can-bo/ho-so/{code}/tep/{index}", use: attachment)
        router.get("/can-bo/ho-so/{code}/bo-sung/{sequence}", use: supplement)
    }

    /// A file the applicant sent online after a supplement request, to an officer who may see the dossier.
    @Sendable func supplement(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let officer = context.officer else { return .redirect(to: "/dang-nhap", type: .found) }
        let code = try context.parameters.require("code")
        let sequence = try context.parameters.require("sequence", as: Int.self)
        guard let dossier = try await DossierStore(database: service.database).dossier(code: code), officer.canSee(dossier),
              let file = try await SupplementStore(database: service.database).entries(of: code).first(where: { $0.sequence == sequence })?.file
        else {
            throw HTTPError(.notFound, message: "Không tìm thấy tệp này trong các hồ sơ của bạn.")
        }
        return try download(file, name: "bo-sung-\(sequence)")
    }

    /// A file the applicant attached, to an officer who may see the dossier; checked against its checksum.
    @Sendable func attachment(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let officer = context.officer else { return .redirect(to: "/dang-nhap", type: .found) }
        let code = try context.parameters.require("code")
        let index = try context.parameters.require("index", as: Int.self)
        guard let dossier = try await DossierStore(database: service.database).dossier(code: code), officer.canSee(dossier),
              let file = try await OnlineFilingStore(database: service.database).files(of: code).first(where: { $0.documentIndex == index })
        else {
            throw HTTPError(.notFound, message: "Không tìm thấy tệp này trong các hồ sơ của bạn.")
        }
        return try download(file, name: "tep-\(index + 1)")
    }

    /// The file's bytes, checked against its checksum, as a download.
    private func download(_ file: AttachedFile, name: String) throws -> Response {
        guard let bytes = try files.bytes(sha256: file.sha256) else {
            throw HTTPError(.notFound, message: "Tệp không còn nguyên vẹn trong kho; báo quản trị hệ thống.")
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

    /// What an action's form posts.
    struct ActionForm: Decodable {
        let action: String?
        let csrf: String?
        let version: Int?
        let reason: String?
        let decision: String?
        let workItem: Int?
        let assignee: String?
        let result: String?
        /// Ngày hẹn mới, `2026-03-20T17:00` from a datetime-local field (Hanoi time).
        let newDueAt: String?
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let officer = context.officer else { return .redirect(to: "/dang-nhap", type: .found) }
        let done = request.uri.queryParameters["xong"].flatMap { DossierAction(rawValue: String($0)) }
        return try await page(request, officer: officer, code: try context.parameters.require("code"),
                              notice: done.map { "Đã thực hiện: \($0.vietnameseName)." }, refusal: nil)
    }

    @Sendable func act(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let officer = context.officer else { return .redirect(to: "/dang-nhap", type: .found) }
        let code = try context.parameters.require("code")
        let form = try await WorkspaceController.decode(ActionForm.self, from: request)
        let action = form.action ?? ""
        func refused(_ status: HTTPResponse.Status, _ message: String) async throws -> Response {
            let refusal = DossierPage.Refusal(action: action, message: message, reason: form.reason ?? "", result: form.result ?? "")
            return try await page(request, officer: officer, code: code, notice: nil, refusal: refusal, status: status)
        }
        guard CSRF.isValid(form.csrf, for: request) else {
            return try await refused(.forbidden, "Biểu mẫu đã hết hạn hoặc không đến từ trang này. Hãy thử lại.")
        }
        var newDue: Date?
        if let text = form.newDueAt, !text.isEmpty {
            guard let parsed = Self.localInstant(text) else {
                return try await refused(.unprocessableContent, "Ngày hẹn trả mới có dạng ngày và giờ, ví dụ 20/03/2026 17:00.")
            }
            newDue = parsed
        }
        let body = TransitionBody(action: action, reason: form.reason, newDueAt: newDue, expectedVersion: form.version,
                                  workItem: form.workItem, decision: form.decision.flatMap { $0.isEmpty ? nil : $0 },
                                  assignee: form.assignee.flatMap { $0.isEmpty ? nil : $0 },
                                  result: form.result.flatMap { $0.isEmpty ? nil : $0 })
        let now = service.now()
        let service = service
        do {
            _ = try await service.database.write { db in try await service.transition(code: code, body, by: officer, at: now, in: db) }
        } catch let problem as Problem {
            return try await refused(problem.status, problem.message)
        }
        return .redirect(to: "/can-bo/ho-so/\(code)?xong=\(action)", type: .found)
    }

    private func page(_ request: Request, officer: UserStore.Officer, code: String, notice: String?,
                      refusal: DossierPage.Refusal?, status: HTTPResponse.Status = .ok) async throws -> Response {
        let (csrf, cookie) = CSRF.token(for: request)
        let layout = PageLayout(title: "Hồ sơ \(code)", officer: officer, csrf: csrf)
        guard let dossier = try await DossierStore(database: service.database).dossier(code: code), officer.canSee(dossier),
              let procedure = try await service.catalog.procedure(code: dossier.procedureCode) else {
            return try pages.render("not-found", NotFoundPage(layout: layout, what: "hồ sơ \(code) trong các cơ quan của bạn"),
                                    status: .notFound).setting(cookie)
        }
        let now = service.now()
        let offers = try await service.offers(on: dossier, procedure: procedure, to: officer, at: now)
        let attached = try await OnlineFilingStore(database: service.database).files(of: dossier.code)
        let supplements = try await SupplementStore(database: service.database).entries(of: dossier.code)
        let model = DossierPage(layout: layout, record: try await service.record(of: dossier, procedure: procedure),
                                offers: offers, refusal: refusal, notice: notice, attached: attached, supplements: supplements,
                                rating: try await RatingStore(database: service.database).rating(of: dossier.code), now: now,
                                calendar: service.workflow.calendar)
        return try pages.render("dossier", model, status: status).setting(cookie)
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
