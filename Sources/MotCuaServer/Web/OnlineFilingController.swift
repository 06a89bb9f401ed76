import Foundation
import Hummingbird
import MotCuaCore
import MotCuaStore

/// Nộp trực tuyến — citizens file a procedure offered online: fill in the form, attach one file per document
/// (PDF, JPEG or PNG, checked by content, kept on disk by checksum), save a draft and come back with its code and
/// secret, then file it: the dossier is registered at the chosen agency (channel 2) in one transaction with its
/// files, and the receipt (form 01, with the tracking secret) appears at once. Every post keeps the draft, so
/// nothing attached is lost to a refused field; a draft filed twice files once.
struct OnlineFilingController {
    let pages: WebPages
    let service: DossierService
    let files: FileStore

    var drafts: OnlineFilingStore { OnlineFilingStore(database: service.database) }

    func register(on router: Router<AppRequestContext>) {
        router.get("/nop-truc-tuyen/{code}", use: form)
        router.post("/nop-truc-tuyen/{code}", use: post)
        router.get("/tiep-tuc-nop", use: resumeForm)
        router.post("/tiep-tuc-nop", use: resume)
    }

    @Sendable func form(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (csrf, cookie) = CSRF.token(for: request)
        let layout = PageLayout(title: "Nộp hồ sơ trực tuyến", officer: context.officer, csrf: csrf)
        guard let procedure = try await onlineProcedure(try context.parameters.require("code")) else {
            return try pages.render("not-found", NotFoundPage(layout: layout, what: "thủ tục nộp trực tuyến này"), status: .notFound)
                .setting(cookie)
        }
        return try await page(layout, procedure, draft: nil, code: "", secret: "").setting(cookie)
    }

    @Sendable func post(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await MultipartForm.read(request)
        let (csrf, cookie) = CSRF.token(for: request)
        let layout = PageLayout(title: "Nộp hồ sơ trực tuyến", officer: context.officer, csrf: csrf)
        guard let procedure = try await onlineProcedure(try context.parameters.require("code")) else {
            return try pages.render("not-found", NotFoundPage(layout: layout, what: "thủ tục nộp trực tuyến này"), status: .notFound)
                .setting(cookie)
        }
        guard CSRF.isValid(form["csrf"], for: request) else {
            return try await page(layout, procedure, draft: nil, code: "", secret: "", status: .forbidden,
                                  formError: "Biểu mẫu đã hết hạn hoặc không đến từ trang này. Hãy tải lại trang.").setting(cookie)
        }
        let (code, secret) = (form["draft"], form["secret"])
        if !code.isEmpty, let filed = try await drafts.filedDossier(draftCode: code, matches: { TrackingSecret.matches(secret, $0) }) {
            return try await receipt(layout, dossierCode: filed).setting(cookie)
        }
        var draft = !code.isEmpty ? try await drafts.draft(code: code, matches: { TrackingSecret.matches(secret, $0) }) : nil
        let keepCode = draft == nil ? Self.newSecret() : code
        let keepSecret = draft == nil ? Self.newSecret() : secret
        var current = draft ?? OnlineFilingStore.Draft(procedureCode: procedure.code, fields: [:], files: [])
        for name in OnlineFilingPage.fields { current.fields[name] = String(form[name].prefix(1000)) }
        var errors: [String: String] = [:]
        for (index, document) in procedure.documents.enumerated() {
            guard let upload = form.files["file-\(index)"] else { continue }
            if let problem = UploadRules.problem(field: "file-\(index)", fileName: upload.fileName, bytes: upload.bytes) {
                errors[problem.field] = problem.message
                continue
            }
            let file = AttachedFile(documentIndex: index, documentName: document.name, fileName: String(upload.fileName.prefix(200)),
                                    mediaType: UploadRules.mediaType(of: upload.bytes) ?? .pdf, size: upload.bytes.count,
                                    sha256: try files.put(upload.bytes))
            current.files.removeAll { $0.documentIndex == index }
            current.files.append(file)
        }
        draft = current
        let now = service.now()
        try await drafts.save(current, code: keepCode, secret: keepSecret, at: now)
        func again(_ status: HTTPResponse.Status, formError: String? = nil, saved: Bool = false) async throws -> Response {
            try await page(layout, procedure, draft: current, code: keepCode, secret: keepSecret, status: status, errors: errors,
                           formError: formError, saved: saved).setting(cookie)
        }
        guard form["step"] == "nop" else { return try await again(.ok, saved: true) }
        for (index, document) in procedure.documents.enumerated() where !current.files.contains(where: { $0.documentIndex == index }) {
            errors["file-\(index)"] = errors["file-\(index)"] ?? "Cần đính kèm \(document.name)."
        }
        guard errors.isEmpty else { return try await again(.unprocessableContent) }
        let body = Self.intakeBody(procedure, current)
        do {
            let plan = try await service.prepareOnlineIntake(body, at: now)
            let service = service
            let attached = current.files.sorted { $0.documentIndex < $1.documentIndex }
            let dossier = try await service.database.write { db in
                let dossier = try await service.receive(body, plan: plan, receivedBy: DossierService.portal, at: now, in: db)
                try await OnlineFilingStore.attach(attached, to: dossier.code, closingDraft: keepCode, in: db)
                return dossier.code
            }
            return try await receipt(layout, dossierCode: dossier).setting(cookie)
        } catch let problem as Problem {
            if let field = OnlineFilingPage.field(for: problem.field) {
                errors[field] = problem.message
                return try await again(problem.status)
            }
            return try await again(problem.status, formError: problem.message)
        }
    }

    @Sendable func resumeForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (csrf, cookie) = CSRF.token(for: request)
        return try pages.render("draft-resume", DraftResumePage(layout: PageLayout(title: "Tiếp tục hồ sơ nháp", officer: context.officer,
                                                                                   csrf: csrf), code: "", error: nil)).setting(cookie)
    }

    @Sendable func resume(_ request: Request, context: AppRequestContext) async throws -> Response {
        let fields = try await FormFields.read(request)
        let (csrf, cookie) = CSRF.token(for: request)
        let layout = PageLayout(title: "Tiếp tục hồ sơ nháp", officer: context.officer, csrf: csrf)
        let code = TrackingSecret.normalized(fields["code"]) ?? fields["code"].uppercased()
        let secret = fields["secret"]
        guard CSRF.isValid(fields["csrf"], for: request),
              let draft = try await drafts.draft(code: code, matches: { TrackingSecret.matches(secret, $0) }),
              let procedure = try await onlineProcedure(draft.procedureCode) else {
            return try pages.render("draft-resume", DraftResumePage(layout: layout, code: String(code.prefix(20)),
                                                                    error: "Không tìm thấy hồ sơ nháp có mã và mã bí mật này."),
                                    status: .notFound).setting(cookie)
        }
        return try await page(layout, procedure, draft: draft, code: code, secret: TrackingSecret.normalized(secret) ?? secret)
            .setting(cookie)
    }

    private func onlineProcedure(_ code: String) async throws -> Procedure? {
        guard let procedure = try await service.catalog.procedure(code: code), procedure.onlineLevel != .none,
              procedure.isInForce(on: WorkingCalendar.local(service.now()).date) else { return nil }
        return procedure
    }

    private func page(_ layout: PageLayout, _ procedure: Procedure, draft: OnlineFilingStore.Draft?, code: String, secret: String,
                      status: HTTPResponse.Status = .ok, errors: [String: String] = [:], formError: String? = nil,
                      saved: Bool = false) async throws -> Response {
        let agencies = try await service.reference.agencies(kind: procedure.agencyKind).sorted { $0.name < $1.name }
        return try pages.render("online-filing", OnlineFilingPage(layout: layout, procedure: procedure, agencies: agencies, draft: draft,
                                                                  draftCode: code, draftSecret: secret, errors: errors,
                                                                  formError: formError, savedNotice: saved), status: status)
    }

    /// Form 01 of the dossier just filed, for the citizen to keep.
    private func receipt(_ layout: PageLayout, dossierCode: String) async throws -> Response {
        guard let dossier = try await DossierStore(database: service.database).dossier(code: dossierCode),
              let procedure = try await service.catalog.procedure(code: dossier.procedureCode) else {
            throw HTTPError(.internalServerError, message: "hồ sơ vừa nộp không đọc được")
        }
        let slip = try await service.receiptSlip(try await service.record(of: dossier, procedure: procedure))
        return try pages.render("receipt", ReceiptPrintPage(layout: layout, slip: slip, backHref: "/tra-cuu",
                                                            backLabel: "Tra cứu hồ sơ"), status: .created)
    }

    static func newSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        return TrackingSecret.make(using: &generator)
    }

    /// The dossier the draft describes: each attached file stands for its document, as one electronic copy.
    static func intakeBody(_ procedure: Procedure, _ draft: OnlineFilingStore.Draft) -> IntakeBody {
        func optional(_ name: String) -> String? { (draft.fields[name] ?? "").isEmpty ? nil : draft.fields[name] }
        let documents = draft.files.sorted { $0.documentIndex < $1.documentIndex }.map {
            ReceivedDocument(name: $0.documentName, originals: 0, copies: 1)
        }
        return IntakeBody(procedureCode: procedure.code, agencyCode: optional("agencyCode"), channel: Channel.online.rawValue,
                          applicant: Applicant(kind: .citizen, name: draft.fields["name"] ?? "", personalId: optional("personalId"),
                                               taxCode: nil, address: draft.fields["address"] ?? "", phone: optional("phone"),
                                               email: optional("email")),
                          unitKey: nil, documents: documents, sets: 1, request: optional("request"))
    }
}
