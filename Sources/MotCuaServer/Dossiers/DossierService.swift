import Foundation
import MotCuaCore
import MotCuaStore
import SQLKit

/// Nghiệp vụ hồ sơ — receiving dossiers and moving them: checks the input and the officer's rights, applies
/// Core's rules, and writes the dossier and its event in one transaction. Throws `Problem`s for the API.
struct DossierService: Sendable {
    let database: Database
    let calendar: LiveCalendar
    let apologyLeadWorkingDays: Int
    let processes: ProcessLibrary
    /// What intakes are checked against, kept in memory while it does not change.
    let referenceCache: ReferenceCache
    let now: @Sendable () -> Date

    /// Core's rules on the calendar in force now.
    var workflow: DossierWorkflow { DossierWorkflow(calendar: calendar.current, apologyLeadWorkingDays: apologyLeadWorkingDays) }

    var catalog: CatalogStore { CatalogStore(database: database) }
    var reference: ReferenceStore { ReferenceStore(database: database) }

    /// What an intake was checked to be: the procedure, the deciding agency, the receiving desk's agency, and the
    /// process (with its partner agencies) the dossier will run on.
    struct IntakePlan: Sendable {
        let procedure: Procedure
        let agency: Agency
        let receiving: Agency
        let process: ProcessBinding
        let authority: Authority
    }

    /// Checks an intake at a desk against the catalog, units, agencies, processes and the officer's rights. Nothing
    /// is written. `reference` is the snapshot the officer's token was checked against, if any.
    func prepareIntake(_ body: IntakeBody, by officer: UserStore.Officer, at receivedAt: Date,
                       reference: ReferenceSnapshot?) async throws -> IntakePlan {
        let reference = if let reference { reference } else { try await referenceCache.current() }
        let (procedure, receivedOn) = try await procedureInForce(body.procedureCode, at: receivedAt, in: reference)
        var deskAgencies: [Agency] = []
        for grant in officer.roles where grant.role == .deskOfficer {
            if let agency = try await reference.agency(code: grant.agencyCode) { deskAgencies.append(agency) }
        }
        guard let ownDesk = deskAgencies.first else { throw Problem.forbidden("Chỉ cán bộ một cửa được tiếp nhận hồ sơ.") }
        let (agency, authority) = try await decidingAgency(procedure, requested: body.agencyCode ?? ownDesk.code, on: receivedOn,
                                                           in: reference)
        guard let receiving = IntakeRules.receivingAgency(for: agency, deskAgencies: deskAgencies) else {
            throw Problem.forbidden("Bộ phận một cửa của cán bộ không tiếp nhận hồ sơ cho \(agency.name).")
        }
        return try await plan(body, procedure, agency: agency, receiving: receiving, authority: authority, on: receivedOn,
                              in: reference)
    }

    /// Checks an intake filed online (channel 2) for the agency the applicant chose, which receives it itself.
    func prepareOnlineIntake(_ body: IntakeBody, at receivedAt: Date) async throws -> IntakePlan {
        let reference = try await referenceCache.current()
        let (procedure, receivedOn) = try await procedureInForce(body.procedureCode, at: receivedAt, in: reference)
        guard procedure.onlineLevel != .none else {
            throw Problem.invalid(field: "procedureCode", "Thủ tục \"\(procedure.name)\" chưa được nộp trực tuyến; hãy nộp tại bộ phận một cửa.")
        }
        guard let requested = body.agencyCode, !requested.isEmpty else {
            throw Problem.invalid(field: "agencyCode", "Chọn cơ quan giải quyết hồ sơ.")
        }
        let (agency, authority) = try await decidingAgency(procedure, requested: requested, on: receivedOn, in: reference)
        return try await plan(body, procedure, agency: agency, receiving: agency, authority: authority, on: receivedOn,
                              in: reference)
    }

    /// The procedure, if it is in the catalog and in force on the day of receipt.
    private func procedureInForce(_ code: String, at receivedAt: Date,
                                  in reference: ReferenceSnapshot) async throws -> (Procedure, CivilDate) {
        guard let procedure = try await reference.procedure(code: code) else {
            throw Problem.invalid(field: "procedureCode", "Không có thủ tục mã \"\(code)\" trong danh mục.")
        }
        let receivedOn = WorkingCalendar.local(receivedAt).date
        guard procedure.isInForce(on: receivedOn) else {
            throw Problem.invalid(field: "procedureCode", "Thủ tục \"\(procedure.name)\" không còn hiệu lực.")
        }
        return (procedure, receivedOn)
    }

    /// The agency that decides: the one asked for, or its delegate in force that day, with the authority used.
    private func decidingAgency(_ procedure: Procedure, requested requestedCode: String, on receivedOn: CivilDate,
                                in reference: ReferenceSnapshot) async throws -> (Agency, Authority) {
        guard Agency.isValidCode(requestedCode), let requested = try await reference.agency(code: requestedCode) else {
            throw Problem.invalid(field: "agencyCode", "Không có cơ quan mã \"\(requestedCode)\" (mã theo QCVN 102, ví dụ 000.00.00.H26).")
        }
        let delegations = try await reference.delegations(naming: procedure.code)
        let (decidingCode, authority): (String, Authority)
        do {
            (decidingCode, authority) = try DelegationRules.route(procedure: procedure, requested: requested, on: receivedOn,
                                                                  delegations: delegations)
        } catch {
            throw Problem.invalid(error)
        }
        guard let agency = decidingCode == requested.code ? requested : try await reference.agency(code: decidingCode) else {
            throw Problem.invalid(field: "agencyCode", "Cơ quan được ủy quyền \(decidingCode) không còn trong danh mục cơ quan.")
        }
        return (agency, authority)
    }

    /// The checks of what the intake itself carries (channel, applicant, unit, documents), and the process bound.
    private func plan(_ body: IntakeBody, _ procedure: Procedure, agency: Agency, receiving: Agency, authority: Authority,
                      on receivedOn: CivilDate, in reference: ReferenceSnapshot) async throws -> IntakePlan {
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
        let process = try await binding(procedure: procedure, agency: agency, on: receivedOn, in: reference)
        return IntakePlan(procedure: procedure, agency: agency, receiving: receiving, process: process, authority: authority)
    }

    /// The process version in force on the day of receipt, and the partner agency of each of its hand-offs.
    private func binding(procedure: Procedure, agency: Agency, on day: CivilDate,
                         in reference: ReferenceSnapshot) async throws -> ProcessBinding {
        guard let inForce = try await reference.processVersionInForce(procedureCode: procedure.code, agencyCode: agency.code, on: day),
              let process = try await processes.definition(key: inForce.key, version: inForce.version) else {
            throw Problem.invalid(field: "procedureCode", "Thủ tục \"\(procedure.name)\" chưa có quy trình nội bộ "
                + "có hiệu lực tại \(agency.name); báo bộ phận kiểm soát TTHC.")
        }
        var partners: [String: ProcessBinding.Partner] = [:]
        for kind in PartnerRouting.kinds(in: process) {
            guard let partner = PartnerRouting.partner(kind: kind, for: agency, among: try await reference.agencies(kind: kind)) else {
                throw Problem.invalid(field: "agencyCode", "Không có cơ quan loại \"\(kind)\" phối hợp giải quyết "
                    + "cho \(agency.name) (quy trình \(process.key) phiên bản \(process.version)).")
            }
            partners[kind] = ProcessBinding.Partner(agencyCode: partner.code, name: partner.name)
        }
        return ProcessBinding(key: process.key, version: process.version, partners: partners)
    }

    /// Who receives a dossier filed online (Cổng dịch vụ công): the portal, on the deciding agency's behalf.
    static let portal = "cong-dich-vu-cong"

    /// The dossier an intake will receive, drafted before the write transaction: everything but its code, which
    /// the register gives in `receive`; `receivedBy` is the desk officer, or `portal` for an online filing.
    func draft(_ body: IntakeBody, plan: IntakePlan, receivedBy: String, at receivedAt: Date) throws -> NewDossier {
        let procedure = plan.procedure
        var generator = SystemRandomNumberGenerator()
        return try NewDossier(Dossier(
            code: "", procedureCode: procedure.code, procedureName: procedure.name, agencyCode: plan.agency.code,
            receivedByAgencyCode: plan.receiving.code, channel: Channel(rawValue: body.channel ?? 1) ?? .counter,
            applicant: body.applicant, unitKey: body.unitKey, receivedAt: receivedAt, receivedBy: receivedBy,
            documents: body.documents ?? [], sets: body.sets ?? 1, request: body.request ?? procedure.name,
            state: workflow.received(at: receivedAt, budget: procedure.deadline),
            process: plan.process, authority: plan.authority, trackingSecret: TrackingSecret.make(using: &generator)))
    }

    /// Receives a drafted dossier inside the caller's transaction: takes the next code of its agency's register
    /// for the day of receipt, writes dossier and event, and what `alsoWriting` makes with them, given what goes
    /// where the code does (`DossierStore.receive`).
    func receive(_ new: NewDossier, alsoWriting: @escaping @Sendable (_ code: String) -> [BoundStatement] = { _ in [] },
                 in db: any SQLDatabase) async throws -> Dossier {
        let draft = new.draft
        let event = DossierEvent(DossierEvent.intake, by: draft.receivedBy, at: draft.receivedAt, from: nil, to: draft.state)
        return try await DossierStore.receive(new, day: WorkingCalendar.local(draft.receivedAt).date, event: event,
                                              alsoWriting: alsoWriting, in: db)
    }

    /// The dossier if the officer may see it; 404 otherwise, so existence does not leak.
    func visibleDossier(code: String, officer: UserStore.Officer) async throws -> Dossier {
        guard let dossier = try await DossierStore(database: database).dossier(code: code), officer.canSee(dossier) else {
            throw Problem.notFound("hồ sơ \(code) trong các cơ quan của bạn")
        }
        return dossier
    }

    /// The dossier opened for the officer to read (its applicant's personal data with it): recorded in the audit
    /// trail (Decree 13/2023 on processing personal data) before it is shown.
    func openDossier(code: String, officer: UserStore.Officer) async throws -> Dossier {
        let dossier = try await visibleDossier(code: code, officer: officer)
        try await AuditLog(database: database).record(actor: officer.username, action: "ho-so.xem", subject: code, at: now())
        return dossier
    }

    /// The catalog entry of the dossier's procedure.
    func procedure(of dossier: Dossier) async throws -> Procedure {
        guard let procedure = try await catalog.procedure(code: dossier.procedureCode) else {
            throw Problem.notFound("thủ tục \(dossier.procedureCode)")
        }
        return procedure
    }

    /// 409 with the dossier's current state, so the officer sees what changed.
    static func conflict(_ dossier: Dossier) -> Problem {
        let current = (try? APICoding.encoder.encode(DossierBody(dossier)))
            .flatMap { try? APICoding.decoder.decode(JSONValue.self, from: $0) } ?? .null
        return Problem(.conflict, code: "stale-version",
                       message: "Hồ sơ vừa được người khác xử lý; hãy xem trạng thái hiện tại rồi thao tác lại.",
                       field: "expectedVersion", extra: ["current": current])
    }
}
