import Foundation
import Hummingbird
import MotCuaCore
import MotCuaStore

/// Nộp trực tuyến — citizens file a procedure offered online, signed in with the national e-ID at the level the
/// procedure needs (`AssuranceLevel.required`; otherwise they are sent to sign in and brought back): fill in the
/// form (name and personal ID are the e-ID's, not typed), attach one file per document (PDF, JPEG or PNG, checked
/// by content, kept on disk by checksum), save a draft and come back with its code and secret (only the same
/// citizen can), then file it: the dossier is registered at the chosen agency (channel 2) in one transaction with
/// its files and the record of which e-ID account filed it, and the receipt (form 01, with the tracking secret)
/// appears at once. Every post keeps the draft, so nothing attached is lost to a refused field; a draft filed twice
/// files once.
struct OnlineFilingController {
    let pages: WebPages
    let service: DossierService
    let files: FileStore
    let registry: PopulationRegistry?

    var drafts: OnlineFilingStore { OnlineFilingStore(database: service.database) }

    func register(on router: some RouterMethods<AppRequestContext>) {
        router.get("/nop-truc-tuyen/{code}", use: form)
        router.post("/nop-truc-tuyen/{code}", use: post)
        router.get("/tiep-tuc-nop", use: resumeForm)
        router.post("/tiep-tuc-nop", use: resume)
    }

    @Sendable func form(_ request: Request, context: AppRequestContext) async throws -> Response {
        let procedure = try await onlineProcedure(try context.parameters.require("code"))
        guard let citizen = Self.filer(context, for: procedure) else { return Self.signIn(for: procedure) }
        var draft = Self.withIdentity(nil, procedure, citizen)
        if let person = try? await registry?.person(citizen.citizen.personalId) {
            draft.fields["address"] = person.permanentAddress
            draft.fields["registryFields"] = "address"
        }
        return try await page(context, procedure, draft: draft, code: "", secret: "")
    }

    @Sendable func post(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await MultipartForm.read(request)
        let procedure = try await onlineProcedure(try context.parameters.require("code"))
        guard let citizen = Self.filer(context, for: procedure) else { return Self.signIn(for: procedure) }
        guard CSRF.isValid(form["csrf"], for: request) else {
            return try await page(context, procedure, draft: nil, code: "", secret: "", status: .forbidden, formError: CSRF.expired)
        }
        let (code, secret) = (form["draft"], form["secret"])
        let owner = citizen.citizen.personalId
        let draft = !code.isEmpty ? try await drafts.draft(code: code, owner: owner, matches: { TrackingSecret.matches(secret, $0) }) : nil
        // A draft no longer open may have been filed — by a copy of this request sent a moment before, even between the
        // two reads: asked after the draft, as filed is where a draft ends, never the other way round.
        if draft == nil, !code.isEmpty,
           let filed = try await drafts.filedDossier(draftCode: code, matches: { TrackingSecret.matches(secret, $0) }) {
            return try await receipt(context, dossierCode: filed)
        }
        let keepCode = draft == nil ? Self.newSecret() : code
        let keepSecret = draft == nil ? Self.newSecret() : secret
        var current = draft ?? OnlineFilingStore.Draft(procedureCode: procedure.code, fields: [:], files: [])
        for name in OnlineFilingPage.fields { current.fields[name] = String(form[name].prefix(1000)) }
        current = Self.withIdentity(current, procedure, citizen)
        var errors: [String: String] = [:]
        let store = CitizenDocumentStore(database: service.database)
        for (index, document) in procedure.documents.enumerated() where form.files["file-\(index)"] == nil && !form["reuse-\(index)"].isEmpty {
            // A document from the citizen's own store, by reference: the file is already kept under its checksum.
            guard let stored = try await store.document(id: form["reuse-\(index)"], owner: owner) else {
                errors["file-\(index)"] = "Giấy tờ đã chọn không có trong kho dữ liệu của bạn."
                continue
            }
            current.files.removeAll { $0.documentIndex == index }
            current.files.append(AttachedFile(documentIndex: index, documentName: document.name, fileName: stored.file.fileName,
                                              mediaType: stored.file.mediaType, size: stored.file.size, sha256: stored.file.sha256))
        }
        for (index, document) in procedure.documents.enumerated() {
            guard let upload = form.files["file-\(index)"] else { continue }
            do {
                let file = try await files.keep(upload, field: "file-\(index)", documentIndex: index, documentName: document.name)
                current.files.removeAll { $0.documentIndex == index }
                current.files.append(file)
            } catch let problem as FieldProblem {
                errors[problem.field] = problem.message
            }
        }
        let now = service.now()
        try await drafts.save(current, code: keepCode, secret: keepSecret, owner: owner, at: now)
        func again(_ status: HTTPResponse.Status, formError: String? = nil, saved: Bool = false) async throws -> Response {
            try await page(context, procedure, draft: current, code: keepCode, secret: keepSecret, status: status, errors: errors,
                           formError: formError, saved: saved)
        }
        guard form["step"] == "nop" else { return try await again(.ok, saved: true) }
        for (index, document) in procedure.documents.enumerated() where !current.files.contains(where: { $0.documentIndex == index }) {
            errors["file-\(index)"] = errors["file-\(index)"] ?? "Cần đính kèm \(document.name)."
        }
        guard errors.isEmpty else { return try await again(.unprocessableContent) }
        let body = Self.intakeBody(procedure, current)
        let reused = await registry?.stillMatching(claimed: current.fields["registryFields"] ?? "", personalID: owner,
                                                   name: body.applicant.name, address: body.applicant.address) ?? []
        do {
            let plan = try await service.prepareOnlineIntake(body, at: now)
            let new = try service.draft(body, plan: plan, receivedBy: DossierService.portal, at: now)
            let service = service
            let attached = current.files.sorted { $0.documentIndex < $1.documentIndex }
            let dossier = try await service.database.write { db in
                if let filed = try await OnlineFilingStore.filedAlready(draftCode: keepCode, in: db) { return filed }
                let dossier = try await service.receive(new, in: db)
                try await OnlineFilingStore.attach(attached, to: dossier.code, closingDraft: keepCode, in: db)
                try await CitizenStore.recordFiler(of: dossier.code, citizen, at: now, in: db)
                try await RegistryReuseStore.record(reused, of: dossier.code, in: db)
                try await CitizenDocumentStore.keepSubmitted(attached, by: owner, with: dossier.code, at: now, in: db)
                return dossier.code
            }
            return try await receipt(context, dossierCode: dossier)
        } catch let problem as Problem {
            if let field = PageField.name(for: problem.field, among: OnlineFilingPage.fields) {
                errors[field] = problem.message
                return try await again(problem.status)
            }
            return try await again(problem.status, formError: problem.message)
        }
    }

    @Sendable func resumeForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard context.citizen != nil else { return CitizenSignInController.redirect(returningTo: "/tiep-tuc-nop", level: .level1) }
        return try pages.render("draft-resume", DraftResumePage(layout: PageLayout(title: "Tiếp tục hồ sơ nháp", context: context), code: "",
                                                         error: nil))
    }

    @Sendable func resume(_ request: Request, context: AppRequestContext) async throws -> Response {
        let fields = try await FormFields.read(request)
        guard let citizen = context.citizen else { return CitizenSignInController.redirect(returningTo: "/tiep-tuc-nop", level: .level1) }
        let code = TrackingSecret.normalized(fields["code"]) ?? fields["code"].uppercased()
        let secret = fields["secret"]
        guard CSRF.isValid(fields["csrf"], for: request),
              let draft = try await drafts.draft(code: code, owner: citizen.citizen.personalId,
                                                 matches: { TrackingSecret.matches(secret, $0) }) else {
            return try pages.render("draft-resume", DraftResumePage(layout: PageLayout(title: "Tiếp tục hồ sơ nháp", context: context),
                                                                    code: String(code.prefix(20)),
                                                                    error: "Không tìm thấy hồ sơ nháp có mã và mã bí mật này."),
                                    status: .notFound)
        }
        let procedure = try await onlineProcedure(draft.procedureCode)
        guard let filer = Self.filer(context, for: procedure) else { return Self.signIn(for: procedure) }
        return try await page(context, procedure, draft: Self.withIdentity(draft, procedure, filer), code: code,
                              secret: TrackingSecret.normalized(secret) ?? secret)
    }

    /// The signed-in citizen, if their e-ID level is enough to file this procedure online.
    static func filer(_ context: AppRequestContext, for procedure: Procedure) -> CitizenStore.Session? {
        guard let citizen = context.citizen, let required = AssuranceLevel.required(for: procedure.onlineLevel),
              citizen.level >= required else { return nil }
        return citizen
    }

    /// Sends the browser to sign in with the e-ID at the procedure's level, and back to its form.
    static func signIn(for procedure: Procedure) -> Response {
        CitizenSignInController.redirect(returningTo: "/nop-truc-tuyen/\(procedure.code)",
                                         level: AssuranceLevel.required(for: procedure.onlineLevel) ?? .level1)
    }

    /// The draft with the applicant's name and personal ID as the e-ID vouched for them (never as typed).
    static func withIdentity(_ draft: OnlineFilingStore.Draft?, _ procedure: Procedure,
                             _ citizen: CitizenStore.Session) -> OnlineFilingStore.Draft {
        var draft = draft ?? OnlineFilingStore.Draft(procedureCode: procedure.code, fields: [:], files: [])
        draft.fields["name"] = citizen.citizen.fullName
        draft.fields["personalId"] = citizen.citizen.personalId
        return draft
    }

    /// The procedure, if it is in force and offered online; 404 otherwise.
    private func onlineProcedure(_ code: String) async throws -> Procedure {
        guard let procedure = try await service.catalog.procedure(code: code), procedure.onlineLevel != .none,
              procedure.isInForce(on: WorkingCalendar.local(service.now()).date) else {
            throw Problem.notFound("thủ tục nộp trực tuyến mã \(code)")
        }
        return procedure
    }

    private func page(_ context: AppRequestContext, _ procedure: Procedure, draft: OnlineFilingStore.Draft?, code: String, secret: String,
                      status: HTTPResponse.Status = .ok, errors: [String: String] = [:], formError: String? = nil,
                      saved: Bool = false) async throws -> Response {
        let agencies = try await service.reference.agencies(kind: procedure.agencyKind).sorted { $0.name < $1.name }
        let layout = PageLayout(title: "Nộp hồ sơ trực tuyến", context: context)
        var stored: [StoredDocument] = []
        if let citizen = context.citizen { stored = try await CitizenDocumentStore(database: service.database).documents(of: citizen.citizen.personalId) }
        return try pages.render("online-filing", OnlineFilingPage(layout: layout, procedure: procedure, agencies: agencies, draft: draft,
                                                                  draftCode: code, draftSecret: secret, errors: errors,
                                                                  formError: formError, savedNotice: saved, stored: stored), status: status)
    }

    /// Form 01 of the dossier just filed, for the citizen to keep.
    private func receipt(_ context: AppRequestContext, dossierCode: String) async throws -> Response {
        guard let dossier = try await DossierStore(database: service.database).dossier(code: dossierCode) else {
            throw Problem.notFound("hồ sơ \(dossierCode)")
        }
        let slip = try await service.receiptSlip(try await service.record(of: dossier, procedure: try await service.procedure(of: dossier)))
        return try pages.render("receipt", ReceiptPrintPage(layout: PageLayout(title: "Giấy tiếp nhận hồ sơ \(dossierCode)", context: context),
                                                            slip: slip, backHref: "/tra-cuu", backLabel: "Tra cứu hồ sơ"),
                                status: .created)
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
