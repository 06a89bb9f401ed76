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

    /// The longest reason accepted for a transition.
    static let maxReasonLength = 2000

    /// Checks an intake against the catalog, units, agencies and the officer's rights; returns the procedure,
    /// the deciding agency and the receiving desk's agency. Nothing is written.
    func prepareIntake(_ body: IntakeBody, by officer: UserStore.Officer, at receivedAt: Date) async throws -> (Procedure, Agency, Agency) {
        guard let procedure = try await catalog.procedure(code: body.procedureCode) else {
            throw Problem.invalid(field: "procedureCode", "Không có thủ tục mã \"\(body.procedureCode)\" trong danh mục.")
        }
        let receivedOn = WorkingCalendar.local(receivedAt).date
        guard procedure.isInForce(on: receivedOn) else {
            throw Problem.invalid(field: "procedureCode", "Thủ tục \"\(procedure.name)\" không còn hiệu lực.")
        }
        var deskAgencies: [Agency] = []
        for grant in officer.roles where grant.role == .deskOfficer {
            if let agency = try await reference.agency(code: grant.agencyCode) { deskAgencies.append(agency) }
        }
        guard let ownDesk = deskAgencies.first else { throw Problem.forbidden("Chỉ cán bộ một cửa được tiếp nhận hồ sơ.") }
        let agencyCode = body.agencyCode ?? ownDesk.code
        guard Agency.isValidCode(agencyCode), let agency = try await reference.agency(code: agencyCode) else {
            throw Problem.invalid(field: "agencyCode", "Không có cơ quan mã \"\(agencyCode)\" (mã theo QCVN 102, ví dụ 000.00.00.H26).")
        }
        if let problem = IntakeRules.competenceProblem(procedure: procedure, agency: agency) { throw Problem.invalid(problem) }
        guard let receiving = IntakeRules.receivingAgency(for: agency, deskAgencies: deskAgencies) else {
            throw Problem.forbidden("Bộ phận một cửa của cán bộ không tiếp nhận hồ sơ cho \(agency.name).")
        }
        if let channel = body.channel, Channel(rawValue: channel) == nil {
            throw Problem.invalid(field: "channel", "Kênh nộp phải là 1 (trực tiếp), 2 (trực tuyến) hoặc 3 (bưu chính).")
        }
        if let problem = ApplicantRules.problem(in: body.applicant, currentYear: receivedOn.year) { throw Problem.invalid(problem) }
        if let unitKey = body.unitKey, try await reference.unit(key: unitKey) == nil {
            throw Problem.invalid(field: "unitKey", "Không có đơn vị hành chính \"\(unitKey)\".")
        }
        if let problem = IntakeRules.contentProblem(documents: body.documents ?? [], sets: body.sets ?? 1,
                                                    request: body.request ?? "") {
            throw Problem.invalid(problem)
        }
        return (procedure, agency, receiving)
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
    func transition(code: String, _ body: TransitionBody, by officer: UserStore.Officer,
                    at now: Date, in db: any SQLDatabase) async throws -> (Dossier, Procedure) {
        guard var dossier = try await DossierStore.dossier(code: code, in: db), officer.canSee(dossier) else {
            throw Problem.notFound("hồ sơ \(code)")
        }
        guard let procedure = try await CatalogStore.procedure(code: dossier.procedureCode, in: db) else {
            throw Problem.notFound("thủ tục \(dossier.procedureCode)")
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
        let request = TransitionRequest(action: action, at: now, actorRoles: officer.roles(actingOn: dossier),
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
                                 toStep: dossier.state.stepIndex, reason: request.reason, dueAfter: dossier.state.clock.due,
                                 stepDueAfter: dossier.state.stepDue)
        guard try await DossierStore.update(dossier, expectedVersion: current.version, event: event, in: db) else {
            let latest = try await DossierStore.dossier(code: code, in: db) ?? dossier
            throw Self.conflict(latest, steps: procedure.steps)
        }
        return (dossier, procedure)
    }

    /// The dossier if the officer may see it, with its procedure; 404 otherwise, so existence does not leak.
    func visibleDossier(code: String, officer: UserStore.Officer) async throws -> (Dossier, Procedure?) {
        guard let dossier = try await DossierStore(database: database).dossier(code: code), officer.canSee(dossier) else {
            throw Problem.notFound("hồ sơ \(code)")
        }
        return (dossier, try await catalog.procedure(code: dossier.procedureCode))
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
