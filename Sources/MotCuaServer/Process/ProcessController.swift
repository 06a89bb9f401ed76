import Foundation
import Hummingbird
import MotCuaCore
import MotCuaStore

/// Quy trình nội bộ qua API — the versions of every internal process, each as JSON or as a BPMN 2.0 file to edit
/// in a modeler, and the upload of a drawn file as a new version (by the procedure-control office).
struct ProcessController {
    let database: Database
    let now: @Sendable () -> Date

    var store: ProcessStore { ProcessStore(database: database) }

    func register(on router: Router<AppRequestContext>) {
        router.get("/api/processes", use: versions)
        router.post("/api/processes", use: upload)
        router.get("/api/processes/{key}/versions/{version}", use: definition)
        router.get("/api/processes/{key}/versions/{version}/bpmn", use: bpmn)
    }

    @Sendable func versions(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requireOfficer()
        let key = request.uri.queryParameters["key"].map(String.init)
        return try APICoding.response(try await store.versions(key: key))
    }

    @Sendable func definition(_ request: Request, context: AppRequestContext) async throws -> Response {
        try APICoding.response(try await stored(context))
    }

    @Sendable func bpmn(_ request: Request, context: AppRequestContext) async throws -> Response {
        let process = try await stored(context)
        var headers = HTTPFields()
        headers[.contentType] = "application/xml; charset=utf-8"
        headers[.contentDisposition] = "attachment; filename=\"\(process.key)-v\(process.version).bpmn\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: BPMNWriter.write(process))))
    }

    /// The body is the BPMN file; `procedureCode`, `key` and `effectiveFrom` come in the query string.
    @Sendable func upload(_ request: Request, context: AppRequestContext) async throws -> Response {
        let officer = try context.requireOfficer()
        let query = request.uri.queryParameters
        let file = Data(buffer: try await APICoding.body(of: request))
        do {
            let saved = try await Self.importFile(file, procedureCode: query["procedureCode"].map(String.init), key: query["key"].map(String.init),
                                                  effectiveFrom: query["effectiveFrom"].map(String.init), by: officer, database: database, now: now())
            return try APICoding.response(saved, status: .created)
        } catch let rejected as ProcessImport.Rejected {
            let first = rejected.problems[0]
            let all = JSONValue.array(rejected.problems.map { .object(["field": .string($0.field), "message": .string($0.message)]) })
            throw Problem(.unprocessableContent, code: "process-rejected", message: first.message, field: first.field,
                          extra: ["problems": all])
        }
    }

    /// Nạp quy trình — the one path of an uploaded BPMN file, for the API and the control office's page: the
    /// officer holds the administrator role, the procedure is in the catalog, the date is not in the past, the
    /// file is our subset and fits the legal deadline; then it is saved as the key's next version.
    static func importFile(_ file: Data, procedureCode: String?, key: String?, effectiveFrom: String?, by officer: UserStore.Officer,
                           database: Database, now: Date) async throws -> ProcessDefinition {
        try officer.requiringControlOffice(to: "nạp quy trình nội bộ")
        guard let code = procedureCode, let procedure = try await CatalogStore(database: database).procedure(code: code) else {
            throw Problem.invalid(field: "procedureCode", "Cần mã thủ tục có trong danh mục (procedureCode).")
        }
        let today = WorkingCalendar.local(now).date
        var day = today
        if let effectiveFrom, !effectiveFrom.isEmpty {
            guard let parsed = CivilDate(iso: effectiveFrom) else { throw Problem.invalid(field: "effectiveFrom", "Ngày có dạng 2026-07-01.") }
            day = parsed
        }
        let process = try ProcessImport.definition(from: file, key: key.flatMap { $0.isEmpty ? nil : $0 }, procedure: procedure,
                                                   effectiveFrom: day, today: today)
        return try await ProcessStore(database: database).save(process, by: officer.username, at: now)
    }

    private func stored(_ context: AppRequestContext) async throws -> ProcessDefinition {
        _ = try context.requireOfficer()
        let key = try context.parameters.require("key")
        let versionText = try context.parameters.require("version")
        guard let version = Int(versionText), version > 0 else {
            throw Problem.invalid(field: "version", "Phiên bản là số nguyên dương.")
        }
        guard let process = try await store.definition(key: key, version: version) else {
            throw Problem.notFound("quy trình \(key) phiên bản \(version)")
        }
        return process
    }
}
