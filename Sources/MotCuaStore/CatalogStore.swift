import Foundation
import MotCuaCore
import SQLKit

/// Danh mục thủ tục hành chính — the procedure catalog: saving, finding by code, and searching it in a way
/// that ignores diacritics and case.
public struct CatalogStore: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// One page of search results and the number of all matches.
    public struct Page: Sendable {
        public let items: [Procedure]
        public let total: Int
    }

    /// Inserts or replaces procedures by code, all in one transaction, and keeps each one's list of steps as a
    /// process version (see `ProcessStore.recordCatalogSteps`).
    public func save(_ procedures: [Procedure], at now: Date) async throws {
        try await database.write { db in
            try await TransactionLock.referenceData.take(for: "procedures", in: db)
            for procedure in procedures {
                try await db.raw("DELETE FROM procedures WHERE code = \(bind: procedure.code)").run()
                try await db.raw("""
                    INSERT INTO procedures (code, name, field, level, agency_kind, online_level, status, search_text, body)
                    VALUES (\(bind: procedure.code), \(bind: procedure.name), \(bind: procedure.field),
                      \(bind: procedure.level.rawValue), \(bind: procedure.agencyKind), \(bind: procedure.onlineLevel.rawValue),
                      \(bind: procedure.status.rawValue), \(bind: procedure.searchText), \(bind: try JSONColumn.encode(procedure)))
                    """).run()
                try await ProcessStore.recordCatalogSteps(of: procedure, at: now, in: db)
            }
        }
    }

    public func procedure(code: String) async throws -> Procedure? {
        try await database.read { db in try await Self.procedure(code: code, in: db) }
    }

    /// Reads a procedure on the given connection (inside a transaction when `db` is one).
    public static func procedure(code: String, in db: any SQLDatabase) async throws -> Procedure? {
        try await db.raw("SELECT code, body FROM procedures WHERE code = \(bind: code)").first().map(procedure)
    }

    /// Every procedure, ordered by code (for export).
    public func all() async throws -> [Procedure] {
        try await database.read { db in
            try await db.raw("SELECT code, body FROM procedures ORDER BY code").all().map(Self.procedure)
        }
    }

    /// Procedures whose code, name or field contains every word of the query (folded), optionally in a field
    /// and at a level; ordered by name.
    public func search(query: String, field: String? = nil, level: ProcedureLevel? = nil,
                       limit: Int, offset: Int) async throws -> Page {
        var conditions: [SQLQueryString] = VietnameseText.words(query).map { word in
            "search_text LIKE \(bind: "%" + Self.escapeLike(word) + "%") ESCAPE '\\'"
        }
        if let field { conditions.append("field = \(bind: field)") }
        if let level { conditions.append("level = \(bind: level.rawValue)") }
        var whereClause: SQLQueryString = "1 = 1"
        for condition in conditions { whereClause = whereClause + " AND " + condition }
        let filter = whereClause
        return try await database.read { db in
            let total = try await db.raw("SELECT COUNT(*) AS n FROM procedures WHERE \(filter)").first()?
                .decode(column: "n", as: Int.self) ?? 0
            let items = try await db.raw("""
                SELECT code, body FROM procedures WHERE \(filter) ORDER BY name, code LIMIT \(bind: limit) OFFSET \(bind: offset)
                """).all().map(Self.procedure)
            return Page(items: items, total: total)
        }
    }

    /// The fields (lĩnh vực) the catalog's procedures belong to, in alphabetical order.
    public func fields() async throws -> [String] {
        try await database.read { db in
            try await db.raw("SELECT DISTINCT field FROM procedures ORDER BY field").all()
                .map { try $0.decode(column: "field", as: String.self) }
        }
    }

    /// The procedure a row (`code`, `body`) holds, decoded once per distinct text (`Decoded.procedures`).
    static func procedure(_ row: any SQLRow) throws -> Procedure {
        try Decoded.procedures.value(key: try row.decode(column: "code", as: String.self),
                                     text: try row.decode(column: "body", as: String.self))
    }

    static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}
