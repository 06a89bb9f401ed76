import Foundation
import Hummingbird
import MotCuaCore
import MotCuaStore

/// Tra cứu hồ sơ — citizens follow a dossier with its code and the secret on their receipt. The secret is
/// posted, not put in the address, and a wrong code and a wrong secret get the same answer, so nothing tells
/// which dossiers exist.
struct TrackingController {
    let pages: WebPages
    let service: DossierService
    let files: FileStore

    func register(on router: Router<AppRequestContext>) {
        router.get("/tra-cuu", use: form)
        router.post("/tra-cuu", use: lookUp)
        router.post("/tra-cuu/danh-gia", use: rate)
        router.post("/tra-cuu/bo-sung", use: supply)
    }

    /// The applicant answers a supplement request online: a note and up to two files (checked like any
    /// upload), kept for the desk, which checks them and records the supplement.
    @Sendable func supply(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await MultipartForm.read(request)
        let (csrf, cookie) = CSRF.token(for: request)
        let secret = form["secret"]
        guard CSRF.isValid(form["csrf"], for: request),
              let dossier = try await DossierStore(database: service.database).dossier(code: form["code"].uppercased()),
              let expected = dossier.trackingSecret, TrackingSecret.matches(secret, expected) else {
            return try formPage(csrf: csrf, officer: context.officer, code: form["code"], status: .notFound,
                                formError: "Không tìm thấy hồ sơ có mã và mã tra cứu này. Hãy tra cứu lại.").setting(cookie)
        }
        func answer(_ status: HTTPResponse.Status, error: String? = nil, sent: Bool = false) async throws -> Response {
            try await trackingPage(dossier, csrf: csrf, officer: context.officer, secret: secret, supplyError: error, supplySent: sent,
                                   status: status).setting(cookie)
        }
        guard dossier.state.status == .supplementRequested else {
            return try await answer(.unprocessableContent, error: "Hồ sơ không ở trạng thái chờ bổ sung.")
        }
        let note = String(form["note"].prefix(1000))
        var attached: [AttachedFile] = []
        for name in ["file-0", "file-1"] {
            guard let upload = form.files[name] else { continue }
            if let problem = UploadRules.problem(field: name, fileName: upload.fileName, bytes: upload.bytes) {
                return try await answer(.unprocessableContent, error: problem.message)
            }
            attached.append(AttachedFile(documentIndex: 0, documentName: "Giấy tờ bổ sung", fileName: String(upload.fileName.prefix(200)),
                                         mediaType: UploadRules.mediaType(of: upload.bytes) ?? .pdf, size: upload.bytes.count,
                                         sha256: try files.put(upload.bytes)))
        }
        guard !attached.isEmpty || !note.isEmpty else {
            return try await answer(.unprocessableContent, error: "Đính kèm giấy tờ bổ sung hoặc ghi nội dung trả lời.")
        }
        try await SupplementStore(database: service.database).add(note: note.isEmpty ? nil : note, files: attached, to: dossier.code,
                                                                  at: service.now())
        return try await answer(.ok, sent: true)
    }

    /// What the rating form posts (with the code and secret the tracking page carries).
    struct RatingForm: Decodable {
        let code: String?
        let secret: String?
        let level: String?
        let comment: String?
        let csrf: String?
    }

    /// The applicant rates the handling of a returned dossier, once.
    @Sendable func rate(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await WorkspaceController.decode(RatingForm.self, from: request)
        let (csrf, cookie) = CSRF.token(for: request)
        let secret = form.secret ?? ""
        guard CSRF.isValid(form.csrf, for: request),
              let dossier = try await DossierStore(database: service.database).dossier(code: (form.code ?? "").uppercased()),
              let expected = dossier.trackingSecret, TrackingSecret.matches(secret, expected) else {
            return try formPage(csrf: csrf, officer: context.officer, code: form.code ?? "", status: .notFound,
                                formError: "Không tìm thấy hồ sơ có mã và mã tra cứu này. Hãy tra cứu lại.").setting(cookie)
        }
        let ratings = RatingStore(database: service.database)
        let comment = (form.comment ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var problem = Rating.problem(status: dossier.state.status, alreadyRated: try await ratings.rating(of: dossier.code) != nil,
                                     comment: comment)
        let level = Rating.Level(rawValue: form.level ?? "")
        if problem == nil, level == nil { problem = FieldProblem(field: "level", message: "Chọn mức độ hài lòng.") }
        if problem == nil, let level,
           !(try await ratings.add(Rating(level: level, comment: comment.isEmpty ? nil : comment, ratedAt: service.now()), to: dossier.code)) {
            problem = FieldProblem(field: "level", message: "Hồ sơ này đã được đánh giá.")
        }
        return try await trackingPage(dossier, csrf: csrf, officer: context.officer, secret: secret, ratingError: problem?.message,
                                      thanks: problem == nil, status: problem == nil ? .ok : .unprocessableContent).setting(cookie)
    }

    /// What the tracking form posts.
    struct LookUpForm: Decodable {
        let code: String?
        let secret: String?
        let csrf: String?
    }

    @Sendable func form(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (csrf, cookie) = CSRF.token(for: request)
        return try formPage(csrf: csrf, officer: context.officer, code: "").setting(cookie)
    }

    @Sendable func lookUp(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await WorkspaceController.decode(LookUpForm.self, from: request)
        let (csrf, cookie) = CSRF.token(for: request)
        let code = String((form.code ?? "").trimmingCharacters(in: .whitespacesAndNewlines).uppercased().prefix(40))
        func refuse(_ status: HTTPResponse.Status, code codeError: String? = nil, secret secretError: String? = nil,
                    form formError: String? = nil) throws -> Response {
            try formPage(csrf: csrf, officer: context.officer, code: code, status: status, codeError: codeError,
                         secretError: secretError, formError: formError).setting(cookie)
        }
        guard CSRF.isValid(form.csrf, for: request) else {
            return try refuse(.forbidden, form: "Biểu mẫu đã hết hạn hoặc không đến từ trang này. Hãy tra cứu lại.")
        }
        let secret = form.secret ?? ""
        if code.isEmpty || secret.isEmpty {
            return try refuse(.unprocessableContent, code: code.isEmpty ? "Nhập mã hồ sơ in trên giấy tiếp nhận." : nil,
                              secret: secret.isEmpty ? "Nhập mã tra cứu in trên giấy tiếp nhận." : nil)
        }
        guard TrackingSecret.normalized(secret) != nil else {
            return try refuse(.unprocessableContent, secret: "Mã tra cứu gồm 8 chữ và số, ví dụ K7PX-3M9Q.")
        }
        guard let dossier = try await DossierStore(database: service.database).dossier(code: code),
              let expected = dossier.trackingSecret, TrackingSecret.matches(secret, expected) else {
            return try refuse(.notFound, form: "Không tìm thấy hồ sơ có mã và mã tra cứu này. Hãy xem lại giấy tiếp nhận.")
        }
        return try await trackingPage(dossier, csrf: csrf, officer: context.officer, secret: secret).setting(cookie)
    }

    private func trackingPage(_ dossier: Dossier, csrf: String, officer: UserStore.Officer?, secret: String,
                              ratingError: String? = nil, thanks: Bool = false, supplyError: String? = nil, supplySent: Bool = false,
                              status: HTTPResponse.Status = .ok) async throws -> Response {
        let events = try await DossierStore(database: service.database).events(code: dossier.code)
        let page = TrackingPage(layout: PageLayout(title: "Hồ sơ \(dossier.code)", officer: officer, csrf: csrf), dossier: dossier,
                                supplementReason: events.last { $0.action == DossierAction.requestSupplement.rawValue }?.reason,
                                parts: try await service.resultParts(of: dossier),
                                rating: try await RatingStore(database: service.database).rating(of: dossier.code),
                                secret: TrackingSecret.normalized(secret) ?? "",
                                supplements: try await SupplementStore(database: service.database).entries(of: dossier.code),
                                ratingError: ratingError, thanks: thanks, supplyError: supplyError, supplySent: supplySent,
                                now: service.now(), calendar: service.workflow.calendar)
        return try pages.render("tracking", page, status: status)
    }

    private func formPage(csrf: String, officer: UserStore.Officer?, code: String, status: HTTPResponse.Status = .ok,
                          codeError: String? = nil, secretError: String? = nil, formError: String? = nil) throws -> Response {
        try pages.render("tracking-form", TrackingFormPage(layout: PageLayout(title: "Tra cứu hồ sơ", officer: officer, csrf: csrf),
                                                            code: code, codeError: codeError, secretError: secretError,
                                                            formError: formError), status: status)
    }
}
