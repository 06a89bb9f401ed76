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
        router.put("/api/agencies/{code}", use: saveAgency)
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

    /// Một cơ quan — the body of `PUT /api/agencies/{code}`.
    struct AgencyBody: Decodable {
        let name: String
        let kind: String
        let unitKey: String?
        let parentCode: String?
    }

    @Sendable func saveAgency(_ request: Request, context: AppRequestContext) async throws -> Response {
        let officer = try context.requireOfficer()
        let body = try await APICoding.decode(AgencyBody.self, from: request)
        let agency = Agency(code: try context.parameters.require("code"), name: body.name, kind: body.kind,
                            unitKey: body.unitKey.flatMap { $0.isEmpty ? nil : $0 }, parentCode: body.parentCode.flatMap { $0.isEmpty ? nil : $0 })
        return try APICoding.response(try await Self.save(agency, by: officer, database: database))
    }

    /// Adds or replaces an agency for the control office, after Core's rules (the unit and parent looked up here).
    static func save(_ agency: Agency, by officer: UserStore.Officer, database: Database) async throws -> Agency {
        try officer.requiringControlOffice(to: "sửa danh mục cơ quan")
        let reference = ReferenceStore(database: database)
        var unitExists = true, parentExists = true
        if let key = agency.unitKey { unitExists = try await reference.unit(key: key) != nil }
        if let code = agency.parentCode { parentExists = try await reference.agency(code: code) != nil }
        if let problem = agency.problem(unitExists: unitExists, parentExists: parentExists) { throw Problem.invalid(problem) }
        let saved = Agency(code: agency.code, name: agency.name.trimmingCharacters(in: .whitespaces), kind: agency.kind,
                           unitKey: agency.unitKey, parentCode: agency.parentCode)
        try await reference.saveAgencies([saved])
        return saved
    }
}
