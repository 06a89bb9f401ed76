import Foundation
import Hummingbird
import MotCuaCore
import MotCuaStore

/// Ủy quyền qua API — the delegation decisions: listed for every officer, recorded and revoked by the
/// procedure-control office. Intake routes by the decision in force on the day of receipt.
struct DelegationController {
    let database: Database
    let now: @Sendable () -> Date

    var store: DelegationStore { DelegationStore(database: database) }

    func register(on router: Router<AppRequestContext>) {
        router.get("/api/delegations", use: list)
        router.post("/api/delegations", use: record)
        router.post("/api/delegations/revocations", use: revoke)
    }

    /// Thu hồi — which decision, from which day.
    struct RevocationBody: Decodable {
        let delegatingAgencyCode: String
        let number: String
        let revokedOn: CivilDate
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requireOfficer()
        return try APICoding.response(try await store.all())
    }

    @Sendable func record(_ request: Request, context: AppRequestContext) async throws -> Response {
        let officer = try context.requireOfficer().requiringControlOffice(to: Self.action)
        let delegation = try await APICoding.decode(Delegation.self, from: request)
        return try APICoding.response(try await Self.record(delegation, by: officer, database: database, now: now()), status: .created)
    }

    @Sendable func revoke(_ request: Request, context: AppRequestContext) async throws -> Response {
        let officer = try context.requireOfficer().requiringControlOffice(to: Self.action)
        let body = try await APICoding.decode(RevocationBody.self, from: request)
        return try APICoding.response(try await Self.revoke(body, by: officer, database: database, now: now()))
    }

    /// Ghi quyết định — the one path of a new decision, for the API and the control office's page: known agencies
    /// and procedures, the rules of a decision, no overlap with the agency's others (409).
    static func record(_ delegation: Delegation, by officer: UserStore.Officer, database: Database, now: Date) async throws -> Delegation {
        try officer.requiringControlOffice(to: action)
        let store = DelegationStore(database: database)
        if let problem = try await store.referenceProblem(in: delegation) { throw Problem.invalid(problem) }
        if let problem = DelegationRules.problem(in: delegation, today: WorkingCalendar.local(now).date) {
            throw Problem.invalid(problem)
        }
        let clash = try await store.add(delegation, recordedBy: officer.username, at: now) { existing in
            DelegationRules.conflict(of: delegation, with: existing)
        }
        if let clash { throw Problem(.conflict, code: "delegation-conflict", message: clash.message, field: clash.field) }
        return delegation
    }

    /// Thu hồi — the one path of a revocation: from a day not in the past, of a decision that exists.
    static func revoke(_ body: RevocationBody, by officer: UserStore.Officer, database: Database, now: Date) async throws -> Delegation {
        try officer.requiringControlOffice(to: action)
        let today = WorkingCalendar.local(now).date
        let outcome = try await DelegationStore(database: database).revoke(delegatingAgencyCode: body.delegatingAgencyCode,
                                                                           number: body.number, on: body.revokedOn) { delegation in
            DelegationRules.revocationProblem(of: delegation, on: body.revokedOn, today: today)
        }
        switch outcome {
        case nil: throw Problem.notFound("quyết định ủy quyền \(body.number) của cơ quan \(body.delegatingAgencyCode)")
        case .failure(let problem)?: throw Problem.invalid(problem)
        case .success(let delegation)?: return delegation
        }
    }

    /// What only the control office may do here.
    static let action = "ghi và thu hồi quyết định ủy quyền"
}
