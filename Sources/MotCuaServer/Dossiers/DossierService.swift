import Foundation
import MotCuaCore
import MotCuaStore
import SQLKit

/// Nghiệp vụ hồ sơ — receiving dossiers and moving them: checks the input and the officer's rights, applies
/// Core's rules, and writes the dossier and its event in one transaction. Throws `Problem`s for the API.
struct DossierService: Sendable {
    let database: Database
    let workflow: DossierWorkflow
    let now: @Sendable () -> Date

    var catalog: CatalogStore { CatalogStore(database: database) }
    var reference: ReferenceStore { ReferenceStore(database: database) }

    static let maxDocuments = 100
    static let maxRequestLength = 2000
    static let maxReasonLength = 2000

    /// Checks an intake against the catalog, units, agencies and the officer's rights; returns what the
    /// transaction needs. Nothing is written.
    func prepareIntake(_ body: IntakeBody, by officer: UserStore.Officer, at receivedAt: Date) async throws -> (Procedure, Agency, Agency) {
        guard let procedure = try await catalog.procedure(code: body.procedureCode) else {
            throw Problem.invalid(field: "procedureCode", "Không có thủ tục mã \"\(body.procedureCode)\" trong danh mục.")
        }
        guard procedure.isInForce(on: WorkingCalendar.local(receivedAt).date) else {
            throw Problem.invalid(field: "procedureCode", "Thủ tục \"\(procedure.name)\" không còn hiệu lực.")
        }
        let deskAgencies = officer.roles.filter { $0.role == .deskOfficer }.map(\.agencyCode)
        guard !deskAgencies.isEmpty else { throw Problem.forbidden("Chỉ cán bộ một cửa được tiếp nhận hồ sơ.") }
        let agencyCode = body.agencyCode ?? deskAgencies[0]
        guard let agency = try await reference.agency(code: agencyCode) else {
            throw Problem.invalid(field: "agencyCode", "Không có cơ quan mã \"\(agencyCode)\".")
        }
        guard agency.kind == procedure.agencyKind else {
            throw Problem.invalid(field: "agencyCode", "\(agency.name) không có thẩm quyền giải quyết thủ tục này (\(procedure.competentAgency)).")
        }
        var receiving: Agency?
        for code in deskAgencies {
            if code == agency.code { receiving = agency; break }
            if let desk = try await reference.agency(code: code), desk.kind == Agency.serviceCentreKind { receiving = desk }
        }
        guard let receiving else {
            throw Problem.forbidden("Bộ phận một cửa của cán bộ không tiếp nhận hồ sơ cho \(agency.name).")
        }
        if let channel = body.channel, Channel(rawValue: channel) == nil {
            throw Problem.invalid(field: "channel", "Kênh nộp phải là 1 (trực tiếp), 2 (trực tuyến) hoặc 3 (bưu chính).")
        }
        if let problem = ApplicantRules.problem(in: body.applicant, currentYear: WorkingCalendar.local(receivedAt).date.year) {
            throw Problem.invalid(problem)
        }
        if let unitKey = body.unitKey, try await reference.unit(key: unitKey) == nil {
            throw Problem.invalid(field: "unitKey", "Không có đơn vị hành chính \"\(unitKey)\".")
        }
        try checkDocuments(body)
        return (procedure, agency, receiving)
    }

    private func checkDocuments(_ body: IntakeBody) throws {
        let documents = body.documents ?? []
        if documents.count > Self.maxDocuments {
            throw Problem.invalid(field: "documents", "Tối đa \(Self.maxDocuments) giấy tờ.")
        }
        if let index = documents.firstIndex(where: { $0.name.trimmingCharacters(in: .whitespaces).isEmpty || $0.name.count > 500
            || !(0...100).contains($0.originals) || !(0...100).contains($0.copies) }) {
            throw Problem.invalid(field: "documents[\(index)]", "Giấy tờ cần tên (tối đa 500 ký tự) và số bản từ 0 đến 100.")
        }
        if let sets = body.sets, !(1...20).contains(sets) {
            throw Problem.invalid(field: "sets", "Số bộ hồ sơ từ 1 đến 20.")
        }
        if (body.request ?? "").count > Self.maxRequestLength {
            throw Problem.invalid(field: "request", "Nội dung yêu cầu dài quá \(Self.maxRequestLength) ký tự.")
        }
    }

    /// Receives a dossier inside the caller's transaction: takes the next code, writes dossier and event.
    func receive(_ body: IntakeBody, procedure: Procedure, agency: Agency, receiving: Agency, officer: UserStore.Officer,
                 at receivedAt: Date, in db: any SQLDatabase) async throws -> Dossier {
        let day = WorkingCalendar.local(receivedAt).date
        let sequence = try await DossierStore.nextSequence(agencyCode: agency.code, day: day, in: db)
        let state = workflow.received(at: receivedAt, budget: procedure.deadline)
        let dossier = Dossier(
            code: DossierCode.make(agencyCode: agency.code, day: day, sequence: sequence),
            procedureCode: procedure.code, procedureName: procedure.name, agencyCode: agency.code,
            receivedByAgencyCode: receiving.code, channel: Channel(rawValue: body.channel ?? 1) ?? .counter,
            applicant: body.applicant, unitKey: body.unitKey, receivedAt: receivedAt, receivedBy: officer.username,
            documents: body.documents ?? [], sets: body.sets ?? 1, request: body.request ?? procedure.name, state: state)
        let event = DossierEvent(sequence: 1, action: DossierEvent.intake, actor: officer.username, at: receivedAt,
                                 fromStatus: nil, toStatus: state.status, fromStep: nil, toStep: nil, reason: nil,
                                 dueAfter: state.clock.due)
        try await DossierStore.insert(dossier, event: event, in: db)
        return dossier
    }

    /// Applies a transition inside the caller's transaction, or throws the problem (409 when stale).
    func transition(code: String, _ body: TransitionBody, by officer: UserStore.Officer, procedure: Procedure,
                    at now: Date, in db: any SQLDatabase) async throws -> Dossier {
        guard var dossier = try await DossierStore.dossier(code: code, in: db), officer.canSee(dossier) else {
            throw Problem.notFound("hồ sơ \(code)")
        }
        let current = dossier.state
        if let expected = body.expectedVersion, expected != current.version {
            throw Self.conflict(dossier, steps: procedure.steps)
        }
        guard let action = DossierAction(rawValue: body.action) else {
            throw Problem.invalid(field: "action", "Thao tác \"\(body.action)\" không tồn tại; dùng một trong: "
                + DossierAction.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
        if (body.reason ?? "").count > Self.maxReasonLength {
            throw Problem.invalid(field: "reason", "Lý do dài quá \(Self.maxReasonLength) ký tự.")
        }
        var roles = officer.roles(in: dossier.agencyCode)
        if officer.roles(in: dossier.receivedByAgencyCode).contains(.deskOfficer) { roles.insert(.deskOfficer) }
        let request = TransitionRequest(action: action, at: now, actorRoles: roles,
                                        reason: body.reason?.trimmingCharacters(in: .whitespacesAndNewlines),
                                        newDue: body.newDueAt)
        do {
            dossier.state = try workflow.apply(request, to: current, steps: procedure.steps, budget: procedure.deadline)
        } catch {
            if case .roleRequired = error { throw Problem(.forbidden, code: "role-required", message: error.vietnameseMessage, field: "action") }
            if case .notAllowedFrom = error { throw Problem(.conflict, code: "transition-not-allowed", message: error.vietnameseMessage, field: "action") }
            throw Problem(.unprocessableContent, code: "rule-violated", message: error.vietnameseMessage, field: error.field)
        }
        let event = DossierEvent(sequence: current.version + 1, action: action.rawValue, actor: officer.username, at: now,
                                 fromStatus: current.status, toStatus: dossier.state.status, fromStep: current.stepIndex,
                                 toStep: dossier.state.stepIndex, reason: request.reason, dueAfter: dossier.state.clock.due)
        guard try await DossierStore.update(dossier, expectedVersion: current.version, event: event, in: db) else {
            let latest = try await DossierStore.dossier(code: code, in: db) ?? dossier
            throw Self.conflict(latest, steps: procedure.steps)
        }
        return dossier
    }

    /// 409 with the dossier's current state, so the officer sees what changed.
    static func conflict(_ dossier: Dossier, steps: [ProcessStep]) -> Problem {
        let current = (try? APICoding.encoder.encode(DossierBody(dossier, steps: steps)))
            .flatMap { try? JSONDecoder().decode(JSONValue.self, from: $0) } ?? .null
        return Problem(.conflict, code: "stale-version",
                       message: "Hồ sơ vừa được người khác xử lý; hãy xem trạng thái hiện tại rồi thao tác lại.",
                       field: "expectedVersion", extra: ["current": current])
    }
}
