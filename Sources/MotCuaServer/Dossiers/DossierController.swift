import Foundation
import Hummingbird
import MotCuaCore
import MotCuaStore

/// Hồ sơ qua API — receive, read, list and move dossiers.
struct DossierController {
    let service: DossierService

    func register(on router: Router<AppRequestContext>) {
        router.post("/api/dossiers", use: receive)
        router.get("/api/dossiers", use: list)
        router.get("/api/dossiers/{code}", use: show)
        router.get("/api/dossiers/{code}/events", use: events)
        router.get("/api/dossiers/{code}/results", use: results)
        router.post("/api/dossiers/{code}/transitions", use: transition)
    }

    var idempotency: Idempotency { Idempotency(database: service.database, now: service.now) }

    @Sendable func receive(_ request: Request, context: AppRequestContext) async throws -> Response {
        let officer = try context.requireOfficer()
        let buffer = try await APICoding.body(of: request)
        let body = try APICoding.decode(IntakeBody.self, from: buffer)
        let now = service.now()
        let plan = try await service.prepareIntake(body, by: officer, at: now, reference: context.reference)
        let new = try service.draft(body, plan: plan, receivedBy: officer.username, at: now)
        // The answer is written before the transaction too; the code is all it lacks. The key's record goes with the
        // dossier's own rows.
        let answer = new.template(of: try APICoding.encoder.bytes(of: DossierBody(new.draft)))
        let service = service
        return try await idempotency.run(request: request, body: buffer, username: officer.username, alwaysRecordingWith: { db, record in
            let dossier = try await service.receive(new, alsoWriting: { code in
                record.map { [$0.row(status: .created, response: String(decoding: answer.filled(with: code), as: UTF8.self)).statement] } ?? []
            }, in: db)
            return (.created, Data(answer.filled(with: dossier.code)))
        })
    }

    @Sendable func transition(_ request: Request, context: AppRequestContext) async throws -> Response {
        let officer = try context.requireOfficer()
        let code = try context.parameters.require("code")
        let buffer = try await APICoding.body(of: request)
        let body = try APICoding.decode(TransitionBody.self, from: buffer)
        let service = service
        let drafted = await service.draftTransition(code: code, body, by: officer, at: service.now(), reference: context.reference)
        // The answer is written before the transaction too, for the change as drafted, which is then saved as one
        // statement; if the dossier moved since, the action is worked out again in a transaction.
        let answer = try drafted.allowedChange.map { try APICoding.encoder.encode(DossierBody($0.dossier)) }
        if let answer {
            do {
                return try await idempotency.run(request: request, body: buffer, username: officer.username, recordingWith: { db, record in
                    let row = record?.row(status: .ok, response: String(decoding: answer, as: UTF8.self))
                    _ = try await service.saveAsDrafted(drafted, alsoWriting: row.map { [$0] } ?? [], in: db)
                    return (.ok, answer)
                })
            } catch is DossierService.DraftOutdated {}
        }
        return try await idempotency.run(request: request, body: buffer, username: officer.username) { db in
            let saved = try await service.save(drafted, in: db)
            if let answer, saved === drafted.allowedChange { return (.ok, answer) }
            return (.ok, try APICoding.encoder.encode(DossierBody(saved.dossier)))
        }
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let dossier = try await service.openDossier(code: try context.parameters.require("code"), officer: try context.requireOfficer())
        return try APICoding.response(DossierBody(dossier))
    }

    @Sendable func events(_ request: Request, context: AppRequestContext) async throws -> Response {
        let dossier = try await visibleDossier(request, context: context)
        return try APICoding.response(try await DossierStore(database: service.database).events(code: dossier.code))
    }

    /// Kết quả của hồ sơ — each result the process issues (several for an interlinked filing), by whom, by when,
    /// and the verdict on the whole (late if any other agency's part was late).
    @Sendable func results(_ request: Request, context: AppRequestContext) async throws -> Response {
        let dossier = try await visibleDossier(request, context: context)
        return try APICoding.response(ResultsBody(code: dossier.code, timeliness: dossier.state.timeliness?.rawValue,
                                                  lateByHandOff: dossier.state.lateByHandOff,
                                                  parts: try await service.resultParts(of: dossier)))
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let officer = try context.requireOfficer()
        let paging = try Paging(request)
        var status: DossierStatus?
        if let text = request.uri.queryParameters["status"] {
            guard let value = Int(text).flatMap(DossierStatus.init(rawValue:)) else {
                throw Problem.invalid(field: "status", "Trạng thái phải là số từ 1 đến 10.")
            }
            status = value
        }
        let page = try await DossierStore(database: service.database)
            .list(agencyCodes: officer.agencyCodes, status: status, limit: paging.limit, offset: paging.offset)
        let items = page.items.map(DossierBody.init)
        return try APICoding.response(PageBody(items: items, total: page.total, limit: paging.limit, offset: paging.offset))
    }

    private func visibleDossier(_ request: Request, context: AppRequestContext) async throws -> Dossier {
        try await service.visibleDossier(code: try context.parameters.require("code"), officer: try context.requireOfficer())
    }
}
