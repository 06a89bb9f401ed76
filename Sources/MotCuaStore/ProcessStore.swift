import Foundation
import MotCuaCore
import SQLKit

/// Kho quy trình — the versions of each internal process. A saved version is never changed: a correction is a
/// new version, and a dossier keeps the version in force when it was received.
public struct ProcessStore: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// Saves `process` as the next version of its key and returns it with that version number.
    public func save(_ process: ProcessDefinition, by username: String, at now: Date) async throws -> ProcessDefinition {
        try await database.write { db in
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
    }

    /// One version, or the latest when `version` is nil.
    public func definition(key: String, version: Int? = nil) async throws -> ProcessDefinition? {
        try await database.read { db in
            let row: (any SQLRow)?
            if let version {
                row = try await db.raw("""
                    SELECT body FROM process_definitions WHERE process_key = \(bind: key) AND version = \(bind: version)
                    """).first()
            } else {
                row = try await db.raw("""
                    SELECT body FROM process_definitions WHERE process_key = \(bind: key) ORDER BY version DESC LIMIT 1
                    """).first()
            }
            return try row.map { try JSONColumn.decode(ProcessDefinition.self, from: try $0.decode(column: "body", as: String.self)) }
        }
    }

    /// The version in force on `day`: the latest effective on or before it (the highest version among equals).
    public func inForce(key: String, on day: CivilDate) async throws -> ProcessDefinition? {
        try await database.read { db in
            try await db.raw("""
                SELECT body FROM process_definitions WHERE process_key = \(bind: key) AND effective_from <= \(bind: day.description)
                ORDER BY effective_from DESC, version DESC LIMIT 1
                """).first().map { try JSONColumn.decode(ProcessDefinition.self, from: try $0.decode(column: "body", as: String.self)) }
        }
    }
}
