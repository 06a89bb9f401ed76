import Foundation
import MotCuaCore
import MotCuaStore
import SQLKit

/// Chuyển trạng thái — one officer's action on a dossier: checked by Core's rules on the process version the
/// dossier is bound to, worked out before the write from the dossier as last committed (as this server holds it,
/// `DossierStore.lastCommitted`), then saved with its event in the caller's transaction if nobody moved the
/// dossier meanwhile (worked out again there, on the dossier as stored, if someone did or the rules refused it).
extension DossierService {
    /// The longest reason accepted for a transition.
    static let maxReasonLength = 2000
    /// The longest decision or result text accepted.
    static let maxShortTextLength = 200

    /// Chuyển trạng thái đã soạn — an officer's action worked out before its write transaction, or the refusal
    /// the rules gave. A refusal is judged again inside the transaction (`save`), after the Idempotency-Key's
    /// check — so a retry of an action already taken gets its first answer rather than a refusal from the state it
    /// left — and on the dossier as stored, since the draft's may have been moved since.
    struct DraftedTransition: Sendable {
        let code: String
        let body: TransitionBody
        let officer: UserStore.Officer
        let at: Date
        let change: Result<DossierChange, any Error>

        /// The change as drafted, when the rules allowed it.
        var allowedChange: DossierChange? { try? change.get() }
    }

    /// Works out the action from the dossier as last committed, on the caller's thread (no transaction held), with
    /// the procedure as `reference` has it (the snapshot the officer's token was checked against, if any).
    func draftTransition(code: String, _ body: TransitionBody, by officer: UserStore.Officer, at now: Date,
                         reference: ReferenceSnapshot?) async -> DraftedTransition {
        let change: Result<DossierChange, any Error>
        do {
            change = .success(try await self.change(code: code, body, by: officer, at: now, in: nil, reference: reference))
        } catch {
            change = .failure(error)
        }
        return DraftedTransition(code: code, body: body, officer: officer, at: now, change: change)
    }

    /// Chuyển trạng thái đã cũ — a drafted action that was not saved as drafted: the rules refused it, or the dossier
    /// moved since. Nothing was written; `save`, in a transaction, gives the refusal or works the action out again.
    struct DraftOutdated: Error {}

    /// Saves the action as drafted, with `alsoWriting` (a key's answer), as one statement (on PostgreSQL its own
    /// transaction, `Database.writeAsOneStatement`); throws `DraftOutdated`, having written nothing, when it cannot.
    func saveAsDrafted(_ drafted: DraftedTransition, alsoWriting: [RowInsert], in db: any SQLDatabase) async throws -> DossierChange {
        guard let change = drafted.allowedChange,
              try await DossierStore.save(change, alsoWriting: alsoWriting, in: db) else { throw DraftOutdated() }
        return change
    }

    /// Saves a drafted action inside the caller's transaction and returns the change saved: the one drafted if the
    /// dossier is still at the version it was drafted from, else the action worked out again on the dossier as it
    /// is now (also when the draft was refused). Throws that refusal (409 when the version the officer saw is stale).
    func save(_ drafted: DraftedTransition, in db: any SQLDatabase) async throws -> DossierChange {
        if let change = drafted.allowedChange, try await DossierStore.save(change, in: db) { return change }
        let redone = try await self.change(code: drafted.code, drafted.body, by: drafted.officer, at: drafted.at, in: db,
                                           reference: nil)
        guard try await DossierStore.save(redone, in: db) else {
            throw Self.conflict(try await DossierStore.dossier(code: drafted.code, in: db) ?? redone.dossier)
        }
        return redone
    }

    /// The action worked out on the dossier and procedure read in `db`, or as last committed when `db` is nil (the
    /// procedure from `reference`, or the reference data as they are now); nothing written.
    private func change(code: String, _ body: TransitionBody, by officer: UserStore.Officer, at now: Date,
                        in db: (any SQLDatabase)?, reference: ReferenceSnapshot?) async throws -> DossierChange {
        let found = if let db { try await DossierStore.dossier(code: code, in: db) }
                    else { try await DossierStore(database: database).lastCommitted(code: code) }
        guard var dossier = found, officer.canSee(dossier) else { throw Problem.notFound("hồ sơ \(code)") }
        let catalogued = if let db { try await CatalogStore.procedure(code: dossier.procedureCode, in: db) }
                         else if let reference { try await reference.procedure(code: dossier.procedureCode) }
                         else { try await referenceCache.current().procedure(code: dossier.procedureCode) }
        guard let procedure = catalogued else { throw Problem.notFound("thủ tục \(dossier.procedureCode)") }
        let current = dossier.state
        if let expected = body.expectedVersion, expected != current.version { throw Self.conflict(dossier) }
        let request = try await request(from: body, on: dossier, by: officer, at: now)
        guard let engine = try await engine(for: dossier) else {
            throw Problem(.conflict, code: "process-missing", message: TransitionError.processInvalid.vietnameseMessage)
        }
        let outcome: DossierWorkflow.Outcome
        do {
            outcome = try workflow.transition(request, from: current, engine: engine, budget: procedure.deadline)
        } catch {
            throw Self.problem(error)
        }
        // Nothing is written yet: a leader's choice of officer is checked against the item Core chose.
        if request.action == .assign, let item = outcome.item { try await checkAssignee(request.assignee, for: item) }
        dossier.state = outcome.state
        let event = DossierEvent(request.action.rawValue, by: officer.username, at: now, from: current, to: outcome.state,
                                 reason: request.reason, item: outcome.item, decision: request.decision)
        return try DossierChange(dossier, from: current, event: event)
    }

    /// The request Core judges, from the body: the action known, texts within bounds, the actor's roles and the
    /// absent colleagues they cover now.
    func request(from body: TransitionBody, on dossier: Dossier, by officer: UserStore.Officer,
                 at now: Date) async throws -> TransitionRequest {
        guard let action = DossierAction(rawValue: body.action) else {
            throw Problem.invalid(field: "action", "Thao tác \"\(body.action)\" không tồn tại; dùng một trong: "
                + DossierAction.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
        if (body.reason ?? "").hasMoreCharacters(than: Self.maxReasonLength) {
            throw Problem.invalid(field: "reason", "Lý do dài quá \(Self.maxReasonLength) ký tự.")
        }
        for (field, text) in [("decision", body.decision), ("assignee", body.assignee), ("result", body.result)]
        where (text ?? "").hasMoreCharacters(than: Self.maxShortTextLength) {
            throw Problem.invalid(field: field, "Giá trị dài quá \(Self.maxShortTextLength) ký tự.")
        }
        // Whom the officer covers matters only for work on an item (whose holder may be away).
        let actor = DossierWorkflow.isItemWork(action, in: dossier.state) ? try await self.actor(officer, at: now) : officer.actor()
        return TransitionRequest(action: action, at: now, actor: actor, actorRoles: actor.roles(actingOn: dossier),
                                 reason: body.reason?.trimmed,
                                 newDue: body.newDueAt, workItem: body.workItem, decision: body.decision,
                                 assignee: body.assignee, result: body.result)
    }

    /// A leader may give an item only to an active officer holding the item's role in the item's agency.
    func checkAssignee(_ username: String?, for item: WorkItem) async throws {
        guard let username, let assignee = try await UserStore(database: database).officer(username: username),
              assignee.active else {
            throw Problem.invalid(field: "assignee", "Không có cán bộ \"\(username ?? "")\" đang làm việc.")
        }
        guard assignee.roles(in: item.agencyCode).contains(item.role) else {
            throw Problem.invalid(field: "assignee", "Cán bộ \(assignee.fullName) không có vai trò "
                + "\(item.role.vietnameseName) tại cơ quan xử lý bước \"\(item.name)\".")
        }
    }

    /// The problem a refused transition becomes: 403 for rights, 409 for the dossier's state, 422 for input.
    static func problem(_ error: TransitionError) -> Problem {
        switch error {
        case .roleRequired, .heldByOther:
            Problem(.forbidden, code: "role-required", message: error.vietnameseMessage, field: error.field)
        case .notAllowedFrom:
            Problem(.conflict, code: "transition-not-allowed", message: error.vietnameseMessage, field: error.field)
        case .processInvalid, .partnerMissing:
            Problem(.conflict, code: "process-not-runnable", message: error.vietnameseMessage, field: error.field)
        default:
            Problem(.unprocessableContent, code: "rule-violated", message: error.vietnameseMessage, field: error.field)
        }
    }
}

extension DossierService {
    /// The actions `officer` may take on the dossier now (see `AvailableActions`).
    func offers(on dossier: Dossier, procedure: Procedure, to officer: UserStore.Officer, at now: Date) async throws -> AvailableActions {
        guard let engine = try await engine(for: dossier) else { return AvailableActions(offers: []) }
        let actor = try await actor(officer, at: now)
        return AvailableActions(for: actor, roles: actor.roles(actingOn: dossier), state: dossier.state, workflow: workflow,
                                engine: engine, budget: procedure.deadline, at: now)
    }

    /// The engine of the process version the dossier is bound to; nil when it has none.
    func engine(for dossier: Dossier) async throws -> ProcessEngine? {
        guard let binding = dossier.process,
              let definition = try await processes.definition(key: binding.key, version: binding.version) else { return nil }
        return workflow.engine(for: dossier, definition: definition)
    }

    /// The officer as Core judges them now, covering the colleagues who are away with them as substitute.
    func actor(_ officer: UserStore.Officer, at now: Date) async throws -> Actor {
        officer.actor(covering: try await AbsenceStore(database: database).covered(by: officer.username, at: now))
    }
}
