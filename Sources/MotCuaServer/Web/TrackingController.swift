import Foundation
import Hummingbird
import MotCuaCore
import MotCuaStore

/// Tra cứu hồ sơ — citizens follow a dossier with its code and the secret on their receipt, answer a supplement
/// request online, and rate the handling once the result is returned. The secret is posted, never put in the
/// address, and a wrong code and a wrong secret get the same answer, so nothing tells which dossiers exist.
struct TrackingController {
    let pages: WebPages
    let service: DossierService
    let files: FileStore

    func register(on router: some RouterMethods<AppRequestContext>) {
        router.get("/tra-cuu", use: form)
        router.post("/tra-cuu", use: lookUp)
        router.post("/tra-cuu/danh-gia", use: rate)
        router.post("/tra-cuu/bo-sung", use: supply)
        router.post("/tra-cuu/ket-qua", use: download)
    }

    static let unknown = "Không tìm thấy hồ sơ có mã và mã tra cứu này. Hãy xem lại giấy tiếp nhận."

    @Sendable func form(_ request: Request, context: AppRequestContext) async throws -> Response {
        try formPage(context, code: "")
    }

    @Sendable func lookUp(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormFields.read(request)
        let code = String(form["code"].uppercased().prefix(40))
        let secret = form["secret"]
        guard CSRF.isValid(form["csrf"], for: request) else {
            return try formPage(context, code: code, status: .forbidden, formError: CSRF.expired)
        }
        if code.isEmpty || secret.isEmpty {
            return try formPage(context, code: code, status: .unprocessableContent,
                                codeError: code.isEmpty ? "Nhập mã hồ sơ in trên giấy tiếp nhận." : nil,
                                secretError: secret.isEmpty ? "Nhập mã tra cứu in trên giấy tiếp nhận." : nil)
        }
        guard TrackingSecret.normalized(secret) != nil else {
            return try formPage(context, code: code, status: .unprocessableContent, secretError: "Mã tra cứu gồm 8 chữ và số, ví dụ K7PX-3M9Q.")
        }
        guard let dossier = try await dossier(code: code, secret: secret) else {
            return try formPage(context, code: code, status: .notFound, formError: Self.unknown)
        }
        return try await trackingPage(dossier, context: context, secret: secret)
    }

    /// The applicant rates the handling of a returned dossier, once.
    @Sendable func rate(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormFields.read(request)
        guard CSRF.isValid(form["csrf"], for: request), let dossier = try await dossier(code: form["code"], secret: form["secret"]) else {
            return try formPage(context, code: form["code"], status: .notFound, formError: Self.unknown)
        }
        let ratings = RatingStore(database: service.database)
        let comment = form["comment"]
        let level = Rating.Level(rawValue: form["level"])
        var problem = Rating.problem(status: dossier.state.status, alreadyRated: try await ratings.rating(of: dossier.code) != nil,
                                     level: level, comment: comment)
        if problem == nil, let level,
           !(try await ratings.add(Rating(level: level, comment: comment.isEmpty ? nil : comment, ratedAt: service.now()), to: dossier.code)) {
            problem = Rating.alreadyRatedProblem
        }
        return try await trackingPage(dossier, context: context, secret: form["secret"], ratingError: problem?.message,
                                      thanks: problem == nil, status: problem == nil ? .ok : .unprocessableContent)
    }

    /// The applicant answers a supplement request online: a note and up to two files (checked like any upload),
    /// kept for the desk, which checks them and records the supplement.
    @Sendable func supply(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await MultipartForm.read(request)
        guard CSRF.isValid(form["csrf"], for: request), let dossier = try await dossier(code: form["code"], secret: form["secret"]) else {
            return try formPage(context, code: form["code"], status: .notFound, formError: Self.unknown)
        }
        func answer(_ status: HTTPResponse.Status, error: String? = nil, sent: Bool = false) async throws -> Response {
            try await trackingPage(dossier, context: context, secret: form["secret"], supplyError: error, supplySent: sent, status: status)
        }
        guard dossier.state.status == .supplementRequested else {
            return try await answer(.unprocessableContent, error: "Hồ sơ không ở trạng thái chờ bổ sung.")
        }
        let note = String(form["note"].prefix(1000))
        var attached: [AttachedFile] = []
        for name in ["file-0", "file-1"] {
            guard let upload = form.files[name] else { continue }
            do {
                attached.append(try await files.keep(upload, field: name, documentIndex: 0, documentName: "Giấy tờ bổ sung"))
            } catch let problem as FieldProblem {
                return try await answer(.unprocessableContent, error: problem.message)
            }
        }
        guard !attached.isEmpty || !note.isEmpty else {
            return try await answer(.unprocessableContent, error: "Đính kèm giấy tờ bổ sung hoặc ghi nội dung trả lời.")
        }
        try await SupplementStore(database: service.database).add(note: note.isEmpty ? nil : note, files: attached, to: dossier.code,
                                                                  at: service.now())
        return try await answer(.ok, sent: true)
    }

    /// A result document, for whoever holds the dossier's code and secret.
    @Sendable func download(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormFields.read(request)
        guard CSRF.isValid(form["csrf"], for: request), let dossier = try await dossier(code: form["code"], secret: form["secret"]) else {
            return try formPage(context, code: form["code"], status: .notFound, formError: Self.unknown)
        }
        let entry = try await ResultFileStore(database: service.database).entries(of: dossier.code).first { $0.sequence == form.number("seq") }
        return try await files.download(entry?.file, name: "ket-qua-\(dossier.code)-\(entry?.sequence ?? 0)")
    }

    /// The dossier with this code, if the secret is its own.
    private func dossier(code: String, secret: String) async throws -> Dossier? {
        guard let dossier = try await DossierStore(database: service.database).dossier(code: code.uppercased()),
              let expected = dossier.trackingSecret, TrackingSecret.matches(secret, expected) else { return nil }
        return dossier
    }

    private func trackingPage(_ dossier: Dossier, context: AppRequestContext, secret: String, ratingError: String? = nil,
                              thanks: Bool = false, supplyError: String? = nil, supplySent: Bool = false,
                              status: HTTPResponse.Status = .ok) async throws -> Response {
        let database = service.database
        let events = try await DossierStore(database: database).events(code: dossier.code)
        let page = TrackingPage(layout: PageLayout(title: "Hồ sơ \(dossier.code)", context: context), dossier: dossier,
                                supplementReason: events.last { $0.action == DossierAction.requestSupplement.rawValue }?.reason,
                                parts: try await service.resultParts(of: dossier),
                                resultFiles: try await ResultFileStore(database: database).entries(of: dossier.code),
                                rating: try await RatingStore(database: database).rating(of: dossier.code),
                                secret: TrackingSecret.normalized(secret) ?? "",
                                supplements: try await SupplementStore(database: database).entries(of: dossier.code),
                                ratingError: ratingError, thanks: thanks, supplyError: supplyError, supplySent: supplySent,
                                now: service.now(), calendar: service.workflow.calendar)
        return try pages.render("tracking", page, status: status)
    }

    private func formPage(_ context: AppRequestContext, code: String, status: HTTPResponse.Status = .ok, codeError: String? = nil,
                          secretError: String? = nil, formError: String? = nil) throws -> Response {
        try pages.render("tracking-form", TrackingFormPage(layout: PageLayout(title: "Tra cứu hồ sơ", context: context), code: code,
                                                            codeError: codeError, secretError: secretError, formError: formError),
                         status: status)
    }
}
