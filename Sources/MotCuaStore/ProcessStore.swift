import Foundation
import MotCuaCore
import SQLKit

/// Kho quy trình — the versions of each internal process. A saved version is never changed: a correction is a
/// new version, and a dossier keeps the version in force when it was received.
public struct ProcessStore: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// Who saved the versions that come from the catalog's own list of steps (not drawn by the control office).
    public static let catalogAuthor = "danh-muc"

    /// Saves `process` as the next version of its key and returns it with that version number.
    public func save(_ process: ProcessDefinition, by username: String, at now: Date) async throws -> ProcessDefinition {
        try await database.write { db in try await Self.insert(process, by: username, at: now, in: db) }
    }

    static func insert(_ process: ProcessDefinition, by username: String, at now: Date,
                       in db: any SQLDatabase) async throws -> ProcessDefinition {
        try await TransactionLock.processVersions.take(for: process.key, in: db)
        let latest = try await db.raw("""
            SELECT MAX(version) AS v FROM process_definitions WHERE process_key = \(bind: process.key)
            """).first()?.decode(column: "v", as: Int?.self) ?? 0
        var saved = process
        saved.version = latest + 1
        try await db.raw("""
            INSERT INTO process_definitions (process_key, version, procedure_code, effective_from, saved_at, saved_by, body)
            VALUES (\(bind: saved.key), \(bind: saved.version), \(bind: saved.procedureCode),
              \(bind: saved.effectiveFrom.description), \(bind: now.epochSeconds), \(bind: username),
              \(bind: try JSONColumn.encode(saved)))
            """).run()
        return saved
    }

    /// Keeps the catalog's list of steps as a process version when `ProcessDefinition.catalogVersion` says so
    /// (inside the catalog's transaction).
    static func recordCatalogSteps(of procedure: Procedure, at now: Date, in db: any SQLDatabase) async throws {
        let latest = try await db.raw("""
            SELECT saved_by, body FROM process_definitions WHERE process_key = \(bind: procedure.code)
            ORDER BY version DESC LIMIT 1
            """).first()
        let version = ProcessDefinition.catalogVersion(
            of: procedure, latest: try latest.map(Self.definition),
            latestFromCatalog: try latest?.decode(column: "saved_by", as: String.self) == catalogAuthor,
            today: WorkingCalendar.local(now).date)
        if let version { _ = try await insert(version, by: catalogAuthor, at: now, in: db) }
    }

    /// One version, or the latest when `version` is nil.
    public func definition(key: String, version: Int? = nil) async throws -> ProcessDefinition? {
        let which: SQLQueryString = version.map { "AND version = \(bind: $0)" } ?? ""
        return try await database.read { db in
            try await db.raw("""
                SELECT body FROM process_definitions WHERE process_key = \(bind: key) \(which) ORDER BY version DESC LIMIT 1
                """).first().map(Self.definition)
        }
    }

    /// Which version a dossier of `procedureCode` decided by `agencyCode` runs on when received on `day`: the
    /// agency's own process if one is in force, otherwise the province's; in either, the latest version effective
    /// on or before the day (the highest among equals). Only the key and version are read: the definition itself
    /// comes from a cache (a saved version never changes).
    public func versionInForce(procedureCode: String, agencyCode: String, on day: CivilDate) async throws -> ProcessVersion? {
        try await database.read { db in
            for key in [ProcessDefinition.agencyKey(procedureCode, agencyCode), procedureCode] {
                if let row = try await db.raw("""
                    SELECT version FROM process_definitions WHERE process_key = \(bind: key)
                      AND effective_from <= \(bind: day.description)
                    ORDER BY effective_from DESC, version DESC LIMIT 1
                    """).first() {
                    return ProcessVersion(key: key, version: try row.decode(column: "version", as: Int.self))
                }
            }
            return nil
        }
    }

    /// One line per version of every process, newest first within a key.
    public struct VersionSummary: Sendable, Hashable, Codable {
        public let key: String
        public let version: Int
        public let procedureCode: String
        public let effectiveFrom: String
        public let savedAt: Date
        public let savedBy: String
    }

    /// The versions of one key, or of every key, newest first.
    public func versions(key: String? = nil) async throws -> [VersionSummary] {
        let filter: SQLQueryString = key.map { "WHERE process_key = \(bind: $0)" } ?? ""
        return try await database.read { db in
            try await db.raw("""
                SELECT process_key, version, procedure_code, effective_from, saved_at, saved_by FROM process_definitions
                \(filter) ORDER BY process_key, version DESC
                """).all().map { row in
                VersionSummary(key: try row.decode(column: "process_key", as: String.self),
                               version: try row.decode(column: "version", as: Int.self),
                               procedureCode: try row.decode(column: "procedure_code", as: String.self),
                               effectiveFrom: try row.decode(column: "effective_from", as: String.self),
                               savedAt: Date(epochSeconds: try row.decode(column: "saved_at", as: Int.self)),
                               savedBy: try row.decode(column: "saved_by", as: String.self))
            }
        }
    }

    static func definition(_ row: any SQLRow) throws -> ProcessDefinition {
        try JSONColumn.decode(ProcessDefinition.self, from: try row.decode(column: "body", as: String.self))
    }
}

/// Phiên bản quy trình — which saved version of which process.
public struct ProcessVersion: Sendable, Hashable {
    public let key: String
    public let version: Int
}
