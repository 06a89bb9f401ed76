import Foundation
import Hummingbird
import MotCuaCore
import MotCuaStore

/// Danh mục, đơn vị hành chính và cơ quan — the public reference data of the API.
struct CatalogController {
    let database: Database

    func register(on router: Router<AppRequestContext>) {
        router.get("/api/procedures", use: search)
        router.get("/api/procedures/{code}", use: procedure)
        router.get("/api/units", use: units)
        router.get("/api/units/{key}", use: unit)
        router.get("/api/agencies", use: agencies)
    }

    @Sendable func search(_ request: Request, context: AppRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let paging = try Paging(request)
        let text = query["q"].map(String.init) ?? ""
        guard text.count <= 200 else { throw Problem.invalid(field: "q", "Từ khoá tìm kiếm dài quá 200 ký tự.") }
        var level: ProcedureLevel?
        if let levelText = query["level"] {
            guard let value = ProcedureLevel(rawValue: String(levelText)) else {
                throw Problem.invalid(field: "level", "Cấp thực hiện phải là cap-tinh, cap-xa hoặc cap-huyen.")
            }
            level = value
        }
        let page = try await CatalogStore(database: database).search(
            query: text, field: query["field"].map(String.init), level: level, limit: paging.limit, offset: paging.offset)
        return try APICoding.response(PageBody(items: page.items, total: page.total, limit: paging.limit, offset: paging.offset))
    }

    @Sendable func procedure(_ request: Request, context: AppRequestContext) async throws -> Response {
        let code = try context.parameters.require("code")
        guard let procedure = try await CatalogStore(database: database).procedure(code: code) else {
            throw Problem.notFound("thủ tục \(code)")
        }
        return try APICoding.response(procedure)
    }

    @Sendable func units(_ request: Request, context: AppRequestContext) async throws -> Response {
        let schemeText = request.uri.queryParameters["scheme"].map(String.init) ?? AdministrativeUnit.Scheme.current.rawValue
        guard let scheme = AdministrativeUnit.Scheme(rawValue: schemeText) else {
            throw Problem.invalid(field: "scheme", "scheme phải là hien-hanh, truoc-2025 hoặc huyen-truoc-2025.")
        }
        return try APICoding.response(try await ReferenceStore(database: database).units(scheme: scheme))
    }

    /// Đơn vị và đơn vị hiện hành tương ứng — a unit, and for a legacy one the current unit(s) it became.
    struct UnitBody: Encodable {
        let unit: AdministrativeUnit
        let currentUnits: [AdministrativeUnit]
        let partly: Bool
    }

    @Sendable func unit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let key = try context.parameters.require("key")
        let store = ReferenceStore(database: database)
        guard let unit = try await store.unit(key: key) else { throw Problem.notFound("đơn vị hành chính \(key)") }
        if unit.scheme == .legacy {
            let (current, partly) = try await store.currentUnits(forLegacy: unit.code)
            return try APICoding.response(UnitBody(unit: unit, currentUnits: current, partly: partly))
        }
        return try APICoding.response(UnitBody(unit: unit, currentUnits: [unit], partly: false))
    }

    @Sendable func agencies(_ request: Request, context: AppRequestContext) async throws -> Response {
        let kind = request.uri.queryParameters["kind"].map(String.init)
        return try APICoding.response(try await ReferenceStore(database: database).agencies(kind: kind))
    }
}
