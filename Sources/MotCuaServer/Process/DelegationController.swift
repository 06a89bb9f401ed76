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
        let officer = try requireControlOffice(context)
        let delegation = try await APICoding.decode(Delegation.self, from: request)
        if let problem = try await store.referenceProblem(in: delegation) { throw Problem.invalid(problem) }
        let instant = now()
        if let problem = DelegationRules.problem(in: delegation, today: WorkingCalendar.local(instant).date) {
            throw Problem.invalid(problem)
        }
        let clash = try await store.add(delegation, recordedBy: officer.username, at: instant) { existing in
            DelegationRules.conflict(of: delegation, with: existing)
        }
        if let clash { throw Problem(.conflict, code: "delegation-conflict", message: clash.message, field: clash.field) }
        return try APICoding.response(delegation, status: .created)
    }

    @Sendable func revoke(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try requireControlOffice(context)
        let body = try await APICoding.decode(RevocationBody.self, from: request)
        let today = WorkingCalendar.local(now()).date
        let outcome = try await store.revoke(delegatingAgencyCode: body.delegatingAgencyCode, number: body.number,
                                             on: body.revokedOn) { delegation in
            DelegationRules.revocationProblem(of: delegation, on: body.revokedOn, today: today)
        }
        switch outcome {
        case nil: throw Problem.notFound("quyết định ủy quyền \(body.number) của cơ quan \(body.delegatingAgencyCode)")
        case .failure(let problem)?: throw Problem.invalid(problem)
        case .success(let delegation)?: return try APICoding.response(delegation)
        }
    }

    private func requireControlOffice(_ context: AppRequestContext) throws -> UserStore.Officer {
        try context.requireOfficer().requiring(
            .administrator, "Chỉ bộ phận kiểm soát TTHC (vai trò quản trị) được ghi và thu hồi quyết định ủy quyền.")
    }
}
