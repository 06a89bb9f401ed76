import Foundation
import Hummingbird
import MotCuaCore
import MotCuaStore

/// Biểu mẫu một cửa qua API — the data of forms 01–06 for one dossier and of the register (form 07) of an
/// agency, read from the dossier and its events. The printable pages render these.
struct FormsController {
    let service: DossierService

    var database: Database { service.database }

    func register(on router: Router<AppRequestContext>) {
        router.get("/api/dossiers/{code}/forms/{form}", use: form)
        router.get("/api/agencies/{code}/register", use: dossierRegister)
    }

    @Sendable func form(_ request: Request, context: AppRequestContext) async throws -> Response {
        let officer = try context.requireOfficer()
        let dossier = try await service.visibleDossier(code: try context.parameters.require("code"), officer: officer)
        let record = try await service.record(of: dossier, procedure: try await service.procedure(of: dossier))
        switch try await service.form(try context.parameters.require("form"), of: record) {
        case .receipt(let slip): return try APICoding.response(slip)
        case .notice(let notice): return try APICoding.response(notice)
        case .controlSlip(let slip): return try APICoding.response(slip)
        }
    }

    /// Mẫu 07: `from` and `to` are dates (inclusive), in one year; paged.
    @Sendable func dossierRegister(_ request: Request, context: AppRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        guard let from = query["from"].flatMap({ CivilDate(iso: $0) }) else {
            throw Problem.invalid(field: "from", "Ngày bắt đầu có dạng 2026-01-01.")
        }
        guard let to = query["to"].flatMap({ CivilDate(iso: $0) }) else {
            throw Problem.invalid(field: "to", "Ngày kết thúc có dạng 2026-12-31.")
        }
        let paging = try Paging(request)
        let (register, total) = try await service.register(of: try context.parameters.require("code"), officer: try context.requireOfficer(),
                                                           from: from, to: to, limit: paging.limit, offset: paging.offset)
        return try APICoding.response(RegisterPage(register: register, total: total, limit: paging.limit, offset: paging.offset))
    }

    /// Một trang sổ — a page of the register with the count of all its lines.
    struct RegisterPage: Encodable {
        let register: DossierRegister
        let total: Int
        let limit: Int
        let offset: Int
    }
}
