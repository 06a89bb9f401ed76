import Foundation
import MotCuaCore
import SQLKit

/// Kho dữ liệu điện tử của công dân — each citizen's digitised documents: what they submitted with their dossiers and
/// the results issued to them, kept once per file (by checksum) and found only under their own personal ID.
public struct CitizenDocumentStore: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// Keeps the document in the caller's transaction; a file the citizen already has in the store is not kept twice.
    public static func add(_ document: StoredDocument, at now: Date, in db: any SQLDatabase) async throws {
        let file = document.file
        try await db.raw("""
            INSERT INTO citizen_documents (id, personal_id, type_code, title, issuer, issued_on, source, dossier_code, file_name,
              media_type, size, sha256, added_at)
            VALUES (\(bind: document.id), \(bind: document.personalId), \(bind: document.typeCode), \(bind: document.title),
              \(bind: document.issuer), \(bind: document.issuedOn), \(bind: document.source.rawValue), \(bind: document.dossierCode),
              \(bind: file.fileName), \(bind: file.mediaType.rawValue), \(bind: file.size), \(bind: file.sha256), \(bind: now.epochSeconds))
            ON CONFLICT (personal_id, sha256) DO NOTHING
            """).run()
    }

    /// Keeps, in the caller's transaction, the files a citizen submitted with a dossier (online, or scanned at a desk).
    public static func keepSubmitted(_ files: [AttachedFile], by personalId: String, with dossierCode: String, at now: Date,
                                     in db: any SQLDatabase) async throws {
        for file in files {
            try await add(StoredDocument(id: UUID().uuidString, personalId: personalId, title: file.documentName, issuer: "", issuedOn: nil,
                                         source: .submitted, dossierCode: dossierCode, file: file), at: now, in: db)
        }
    }

    /// The citizen's documents, newest first.
    public func documents(of personalId: String) async throws -> [StoredDocument] {
        try await database.read { db in
            try await db.raw("""
                SELECT * FROM citizen_documents WHERE personal_id = \(bind: personalId) ORDER BY added_at DESC, title
                """).all().compactMap(Self.document)
        }
    }

    /// The document with this id if it is `owner`'s; nil otherwise (someone else's is as good as absent).
    public func document(id: String, owner: String) async throws -> StoredDocument? {
        try await database.read { db in
            try await db.raw("""
                SELECT * FROM citizen_documents WHERE id = \(bind: id) AND personal_id = \(bind: owner)
                """).first().flatMap(Self.document)
        }
    }

    static func document(_ row: any SQLRow) throws -> StoredDocument? {
        let title = try row.decode(column: "title", as: String.self)
        guard let file = try AttachedFile(row: row, documentIndex: 0, documentName: title),
              let source = StoredDocument.Source(rawValue: try row.decode(column: "source", as: String.self)) else { return nil }
        return StoredDocument(id: try row.decode(column: "id", as: String.self), personalId: try row.decode(column: "personal_id", as: String.self),
                              title: title, issuer: try row.decode(column: "issuer", as: String.self),
                              issuedOn: try row.decode(column: "issued_on", as: String?.self), source: source,
                              dossierCode: try row.decode(column: "dossier_code", as: String?.self), file: file)
    }
}
