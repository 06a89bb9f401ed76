import Foundation
import Hummingbird
import MotCuaCore
import MotCuaStore

/// Tiếp nhận hồ sơ tại quầy — the desk picks the procedure, fills in the applicant (or looks them up by personal ID
/// in the national population registry, else among its agencies' dossiers), ticks the documents received and
/// attaches their scans; the intake goes through the API's own checks and transaction, and the receipt (form 01)
/// opens to print. The fields taken from the registry that still match it at intake are recorded with the dossier,
/// and the scans join the citizen's document store.
/// Each form carries a submission number, so a double click receives the dossier once.
struct DeskIntakeController {
    let pages: WebPages
    let service: DossierService
    let files: FileStore
    let registry: PopulationRegistry?

    func register(on router: some RouterMethods<AppRequestContext>) {
        router.get("/can-bo/tiep-nhan", use: form)
        router.post("/can-bo/tiep-nhan", use: receive)
    }

    @Sendable func form(_ request: Request, context: AppRequestContext) async throws -> Response {
        let layout = PageLayout(title: "Tiếp nhận hồ sơ", context: context)
        let query = FormFields(request.uri.query ?? "")
        if !query["thu-tuc"].isEmpty, let procedure = try await service.catalog.procedure(code: query["thu-tuc"]) {
            let (known, notice) = try await lookUp(query["tim"], procedure: procedure, officer: try context.requireOfficer())
            return try pages.render("desk-intake", DeskIntakePage(layout: layout, procedure: procedure,
                                                                  submission: TokenAuthMiddleware.newToken(), posted: known, problem: nil,
                                                                  notice: notice))
        }
        let found = try await service.catalog.search(query: String(query["q"].prefix(200)), limit: 20, offset: 0)
        return try pages.render("desk-intake", DeskIntakePage(layout: layout, query: query["q"], procedures: found.items))
    }

    @Sendable func receive(_ request: Request, context: AppRequestContext) async throws -> Response {
        let officer = try context.requireOfficer()
        let form = try await MultipartForm.read(request)
        let fields = form.textFields
        guard let procedure = try await service.catalog.procedure(code: fields["procedureCode"]) else {
            return .redirect(to: "/can-bo/tiep-nhan", type: .found)
        }
        let submission = fields["submission"].isEmpty ? TokenAuthMiddleware.newToken() : fields["submission"]
        func refused(_ status: HTTPResponse.Status, _ field: String?, _ message: String) throws -> Response {
            let page = DeskIntakePage(layout: PageLayout(title: "Tiếp nhận hồ sơ", context: context), procedure: procedure,
                                      submission: submission, posted: fields, problem: (field, message))
            return try pages.render("desk-intake", page, status: status)
        }
        guard CSRF.isValid(fields["csrf"], for: request) else { return try refused(.forbidden, nil, CSRF.expired) }
        guard let sets = fields.number("sets") else { return try refused(.unprocessableContent, "sets", "Số bộ hồ sơ là một số, ví dụ 1.") }
        let body = Self.intakeBody(procedure, fields, sets: sets)
        let reused = await registry?.stillMatching(claimed: fields["registryFields"], personalID: body.applicant.personalId,
                                                   name: body.applicant.name, address: body.applicant.address) ?? []
        let now = service.now()
        do {
            let scans = try await scans(form, fields: fields, procedure: procedure)
            let plan = try await service.prepareIntake(body, by: officer, at: now, reference: context.reference)
            let new = try service.draft(body, plan: plan, receivedBy: officer.username, at: now)
            let service = service
            let key = "trang-tiep-nhan:" + String(submission.prefix(100))
            // The same form posted twice (a double click, a reload, or both at once) receives the dossier once.
            let code = try await IdempotencyStore.once(username: officer.username, key: key, in: service.database,
                                                       .inTransaction, earlier: { $0.response }) { db in
                let dossier = try await service.receive(new, in: db)
                try await OnlineFilingStore.attach(scans, to: dossier.code, closingDraft: nil, in: db)
                if let owner = body.applicant.personalId {
                    // The documents scanned at the desk are the citizen's digitised documents too.
                    try await CitizenDocumentStore.keepSubmitted(scans, by: owner, with: dossier.code, at: now, in: db)
                }
                try await RegistryReuseStore.record(reused, of: dossier.code, in: db)
                try await db.run(IdempotencyStore.recording(username: officer.username, key: key, requestHash: key, request: nil,
                                                             status: 201, response: dossier.code, now: now).statement)
                return dossier.code
            }
            return .redirect(to: "/can-bo/ho-so/\(code)/mau/01", type: .found)
        } catch let problem as Problem {
            return try refused(problem.status, problem.field, problem.message)
        } catch let problem as FieldProblem {
            return try refused(.unprocessableContent, "documents", problem.message + " Chọn lại các tệp quét.")
        }
    }

    /// Bản quét — the scan attached to each document ticked as received, checked like any upload and kept; a scan
    /// of a document not ticked is a problem.
    private func scans(_ form: MultipartForm, fields: FormFields, procedure: Procedure) async throws -> [AttachedFile] {
        var scans: [AttachedFile] = []
        for (index, document) in procedure.documents.enumerated() {
            guard let upload = form.files["scan-\(index)"] else { continue }
            guard fields.has("doc-\(index)") else {
                throw FieldProblem(field: "scan-\(index)", message: "Có tệp quét cho \"\(document.name)\" nhưng giấy tờ này chưa được đánh dấu đã nhận.")
            }
            scans.append(try await files.keep(upload, field: "scan-\(index)", documentIndex: index, documentName: document.name))
        }
        return scans
    }

    /// Người nộp theo CSDL dân cư — for a personal ID the registry knows: name and permanent address filled in from it
    /// (every document ticked), with a notice of what it says besides; otherwise `earlierApplicant`, with a word on
    /// why the registry did not fill it (unknown there, or not answering).
    private func lookUp(_ key: String, procedure: Procedure, officer: UserStore.Officer) async throws -> (FormFields?, String?) {
        guard !key.isEmpty else { return (nil, nil) }
        var values: [String: String] = [:]
        for index in procedure.documents.indices { values["doc-\(index)"] = "1" }
        let isPersonalID = (try? PersonalID(key, currentYear: WorkingCalendar.local(service.now()).date.year)) != nil
        values[isPersonalID ? "personalId" : "taxCode"] = key
        guard let registry, isPersonalID else {
            return try await earlierApplicant(key, values: values, officer: officer, because: nil)
        }
        do {
            guard let person = try await registry.person(key) else {
                return try await earlierApplicant(key, values: values, officer: officer,
                                                  because: "CSDL quốc gia về dân cư không có số định danh \(key).")
            }
            values["kind"] = Applicant.Kind.citizen.rawValue
            values["name"] = person.fullName
            values["address"] = person.permanentAddress
            values["registryFields"] = PopulationRegistry.fillable.joined(separator: ",")
            return (FormFields(values: values), "Đã điền họ tên và nơi thường trú từ CSDL quốc gia về dân cư (ngày sinh "
                + "\(person.birthDate), giới tính \(person.gender), quê quán \(person.placeOfOrigin)); đối chiếu với giấy tờ của người nộp.")
        } catch let unavailable as RegistryUnavailable {
            return try await earlierApplicant(key, values: values, officer: officer,
                                              because: "CSDL quốc gia về dân cư không trả lời (\(unavailable.reason)).")
        }
    }

    /// Người nộp đã có hồ sơ — the applicant of the latest dossier with this personal ID or tax code at the officer's
    /// agencies, as a form filled in (every document ticked), with a notice saying where it came from; otherwise
    /// `values` as they are (the number looked up in its field).
    private func earlierApplicant(_ key: String, values: [String: String], officer: UserStore.Officer,
                                  because registryWord: String?) async throws -> (FormFields?, String?) {
        var values = values
        func notice(_ text: String) -> String { [registryWord, text].compactMap { $0 }.joined(separator: " ") }
        guard let earlier = try await DossierStore(database: service.database).latest(applicantKey: key, agencyCodes: officer.agencyCodes) else {
            return (FormFields(values: values), notice("Chưa có hồ sơ nào của số \(key) tại cơ quan; nhập thông tin người nộp theo giấy tờ."))
        }
        let applicant = earlier.applicant
        values["kind"] = applicant.kind.rawValue
        values["name"] = applicant.name
        values["personalId"] = applicant.personalId ?? ""
        values["taxCode"] = applicant.taxCode ?? ""
        values["address"] = applicant.address
        values["phone"] = applicant.phone ?? ""
        values["email"] = applicant.email ?? ""
        return (FormFields(values: values), notice("Đã điền theo hồ sơ \(earlier.code) nhận ngày \(WorkingCalendar.vietnamese(earlier.receivedAt)); "
            + "đối chiếu lại với giấy tờ của người nộp."))
    }

    /// The intake the form describes: the documents ticked as received, with their numbers of originals and copies.
    static func intakeBody(_ procedure: Procedure, _ fields: FormFields, sets: Int) -> IntakeBody {
        func optional(_ name: String) -> String? { fields[name].isEmpty ? nil : fields[name] }
        let kind = Applicant.Kind(rawValue: fields["kind"]) ?? .citizen
        let documents = procedure.documents.indices.filter { fields.has("doc-\($0)") }.map { index in
            ReceivedDocument(name: procedure.documents[index].name, originals: fields.number("originals-\(index)") ?? 0,
                             copies: fields.number("copies-\(index)") ?? 0)
        }
        return IntakeBody(procedureCode: procedure.code, agencyCode: optional("agencyCode"), channel: fields.number("channel") ?? 1,
                          applicant: Applicant(kind: kind, name: fields["name"], personalId: kind == .citizen ? optional("personalId") : nil,
                                               taxCode: kind == .business ? optional("taxCode") : nil, address: fields["address"],
                                               phone: optional("phone"), email: optional("email")),
                          unitKey: nil, documents: documents, sets: sets, request: optional("request"))
    }
}
