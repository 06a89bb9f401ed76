import Foundation
import MotCuaCore
import SQLKit

/// Hồ sơ nộp trực tuyến — the drafts citizens save and come back to (found by their code and secret, and only by
/// the citizen who saved them), and the files attached to a dossier filed online.
public struct OnlineFilingStore: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// Bản nháp — what a citizen has typed and attached so far for one procedure.
    public struct Draft: Sendable, Hashable, Codable {
        public var procedureCode: String
        public var fields: [String: String]
        public var files: [AttachedFile]

        public init(procedureCode: String, fields: [String: String], files: [AttachedFile]) {
            self.procedureCode = procedureCode
            self.fields = fields
            self.files = files
        }
    }

    /// Saves a draft under its code (new or again) with its secret, as the draft of the citizen `owner` (personal ID);
    /// a draft filed meanwhile (by a copy of the same request sent at once) is left as it was filed.
    public func save(_ draft: Draft, code: String, secret: String, owner: String, at now: Date) async throws {
        try await database.write { db in
            let body = try JSONColumn.encode(draft)
            let updated = try await db.raw("""
                UPDATE online_drafts SET body = \(bind: body), updated_at = \(bind: now.epochSeconds), personal_id = \(bind: owner)
                WHERE code = \(bind: code) AND secret = \(bind: secret) AND dossier_code IS NULL
                  AND (personal_id IS NULL OR personal_id = \(bind: owner)) RETURNING code
                """).first()
            if updated == nil {
                try await db.raw("""
                    INSERT INTO online_drafts (code, secret, procedure_code, body, created_at, updated_at, personal_id)
                    VALUES (\(bind: code), \(bind: secret), \(bind: draft.procedureCode), \(bind: body),
                      \(bind: now.epochSeconds), \(bind: now.epochSeconds), \(bind: owner))
                    ON CONFLICT (code) DO NOTHING
                    """).run()
            }
        }
    }

    /// The draft with this code, if it is `owner`'s (or was saved before drafts had owners), `matches` accepts its
    /// secret and it has not been filed yet.
    public func draft(code: String, owner: String, matches: @Sendable (String) -> Bool) async throws -> Draft? {
        let stored = try await database.read { db in
            try await db.raw("""
                SELECT secret, body FROM online_drafts WHERE code = \(bind: code) AND dossier_code IS NULL
                  AND (personal_id IS NULL OR personal_id = \(bind: owner))
                """).first().map { (secret: try $0.decode(column: "secret", as: String.self), body: try $0.decode(column: "body", as: String.self)) }
        }
        guard let stored, matches(stored.secret) else { return nil }
        return try JSONColumn.decode(Draft.self, from: stored.body)
    }

    /// The dossier a draft became, if it was filed (so filing it twice files it once).
    public func filedDossier(draftCode: String, matches: @Sendable (String) -> Bool) async throws -> String? {
        let stored = try await database.read { db in
            try await db.raw("""
                SELECT secret, dossier_code FROM online_drafts WHERE code = \(bind: draftCode) AND dossier_code IS NOT NULL
                """).first().map { (secret: try $0.decode(column: "secret", as: String.self), code: try $0.decode(column: "dossier_code", as: String.self)) }
        }
        guard let stored, matches(stored.secret) else { return nil }
        return stored.code
    }

    /// Takes a draft for filing (inside the filing's transaction): the code of the dossier it became if a copy of the
    /// same request filed it first, nil if it is this transaction's to file. Two filings of one draft at once run one
    /// after the other (on PostgreSQL under a lock of its code, `TransactionLock`).
    public static func filedAlready(draftCode: String, in db: any SQLDatabase) async throws -> String? {
        try await TransactionLock.onlineDrafts.take(for: draftCode, in: db)
        return try await db.raw("""
            SELECT dossier_code FROM online_drafts WHERE code = \(bind: draftCode) AND dossier_code IS NOT NULL
            """).first()?.decode(column: "dossier_code", as: String.self)
    }

    /// Records the files of a dossier just filed, and closes its draft (inside the filing's transaction).
    public static func attach(_ files: [AttachedFile], to dossierCode: String, closingDraft draftCode: String?,
                              in db: any SQLDatabase) async throws {
        for file in files {
            try await db.raw("""
                INSERT INTO dossier_files (dossier_code, document_index, document_name, file_name, media_type, size, sha256)
                VALUES (\(bind: dossierCode), \(bind: file.documentIndex), \(bind: file.documentName), \(bind: file.fileName),
                  \(bind: file.mediaType.rawValue), \(bind: file.size), \(bind: file.sha256))
                """).run()
        }
        if let draftCode {
            try await db.raw("UPDATE online_drafts SET dossier_code = \(bind: dossierCode) WHERE code = \(bind: draftCode)").run()
        }
    }

    /// The files attached to a dossier, by document.
    public func files(of dossierCode: String) async throws -> [AttachedFile] {
        try await database.read { db in
            try await db.raw("""
                SELECT document_index, document_name, file_name, media_type, size, sha256 FROM dossier_files
                WHERE dossier_code = \(bind: dossierCode) ORDER BY document_index
                """).all().compactMap { row in
                try AttachedFile(row: row, documentIndex: try row.decode(column: "document_index", as: Int.self),
                                 documentName: try row.decode(column: "document_name", as: String.self))
            }
        }
    }
}
